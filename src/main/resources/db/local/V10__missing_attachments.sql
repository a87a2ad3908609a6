-- Attachments a pulled ticket names that this PC could not fetch (not yet uploaded by the PC that
-- took the photo, or the network failed): asked for again with back-off, not at every sync
-- (docs/sync-protocol.md). next_try in milliseconds since the epoch.
CREATE TABLE missing_attachment (
    stored_name VARCHAR(80) NOT NULL PRIMARY KEY,
    attempts    INTEGER     NOT NULL,
    next_try    BIGINT      NOT NULL
);
