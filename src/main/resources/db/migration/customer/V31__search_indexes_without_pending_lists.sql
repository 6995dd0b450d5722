-- GIN indexes collect new entries in a pending list that every search must read in full until it is merged:
-- after a bulk load that made name searches scan thousands of entries. Searches matter more than the small
-- cost this adds to each insert.
alter index customer_grams set (fastupdate = off);
alter index customer_latin set (fastupdate = off);
select gin_clean_pending_list('customer_grams'::regclass);
select gin_clean_pending_list('customer_latin'::regclass);
