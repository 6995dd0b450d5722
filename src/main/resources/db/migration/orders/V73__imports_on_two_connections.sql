-- An order import now settles its batches and tells its customers on two connections at once.

-- The customers are told in two ranges of their ids, each with its own cursor: up to split_customer after
-- settled_after, and beyond split_customer after upper_settled_after. split_customer is the median customer of the
-- import, chosen once the lines are in.
alter table order_import
  add column split_customer uuid,
  add column upper_settled_after uuid;

-- The workspace's profit per day was spread over eight slots by the writing connection's process id. Two settlers
-- whose connections fell on the same slot would wait for each other's whole batch at every day they share, for the
-- whole import (the pool hands a thread the same connection again); by the transaction id they meet at random, and
-- rarely. The three trigger functions are rewritten in place rather than copied out here.
create function guanxi_profit_slot() returns smallint
  language sql volatile parallel restricted
  as $$ select (pg_current_xact_id()::text::bigint % 8)::smallint $$;

do $$
declare
  f text;
  source text;
begin
  foreach f in array array['guanxi_sales_profit_on_insert', 'guanxi_sales_profit_on_update',
                           'guanxi_sales_profit_on_delete'] loop
    source := pg_get_functiondef(f::regproc);
    if position('pg_backend_pid() % 8' in source) = 0 then
      raise exception '% does not choose its slot as expected', f;
    end if;
    execute replace(source, 'pg_backend_pid() % 8', 'guanxi_profit_slot()');
  end loop;
end $$;
