-- The workspace's gross profit in a period (a customer's profit contribution is its share of it) is a sum over
-- the period's orders; this index holds everything that sum reads.
create index sales_order_by_date on sales_order (workspace_id, order_date) include (status, currency, amount, cost);
