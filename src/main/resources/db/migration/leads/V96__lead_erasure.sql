-- Erasure for privacy (a data-subject request): the lead stays, without its personal data, and says since when.
alter table sales_lead add column erased_at timestamptz;
