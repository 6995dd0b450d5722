-- Erasure for privacy (a data-subject request): the customer or contact stays, so that orders, deals and plans keep
-- their link, but its personal data is gone and it says since when. Unlike deleted_at (the recycle bin), this is
-- never undone.
alter table customer add column erased_at timestamptz;
alter table customer_contact add column erased_at timestamptz;
