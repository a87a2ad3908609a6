-- The central store whose version of the ticket this PC holds: the id of the store that sent it
-- (a pulled page, a pushed operation's answer). A PC pointed at another store takes off the
-- tickets the store it left sent, once its scope was pulled whole at the new one, so a training
-- store's practice tickets do not stay among a county's. NULL: no store sent it (opened here and
-- not yet synced, taken in by `import`), or held before this version: such a ticket stays.
ALTER TABLE ticket ADD COLUMN from_store VARCHAR(64);
