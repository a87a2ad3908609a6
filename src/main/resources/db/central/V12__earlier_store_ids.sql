-- The ids this store had before `central renew-id` (a restore from a backup). Every pull page names
-- the newest of them beside the current id: a PC whose cursor came from one of them knows its own
-- store was restored, not that it was pointed at another, and sends again what the restore lost
-- (docs/sync-protocol.md, "Which store").
CREATE TABLE central_store_earlier_id (
    store_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    renewed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
