-- The central store an operation was made against: the id of the store its user's cursor came
-- from when it was made (a fact of sync_state). A PC pointed at another store holds such work
-- instead of pushing it there; its own store under a later id (renewed) takes it. NULL: made
-- before any store said its id, or before this version, and pushed to whichever store the PC
-- syncs with, as before.
ALTER TABLE outbox ADD COLUMN made_for VARCHAR(64);
