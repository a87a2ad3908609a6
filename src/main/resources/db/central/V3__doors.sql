-- The doors of the central store (docs/security.md).

-- When each token was given, and the user's sign-in on that PC before it: work a PC pushes may
-- not be dated before that previous sign-in (less the offline allowance).
ALTER TABLE auth_token ADD COLUMN signed_in_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auth_token ADD COLUMN previous_sign_in TIMESTAMP WITH TIME ZONE;
CREATE TABLE client_sign_in (
    username      VARCHAR(64)              NOT NULL,
    client_id     VARCHAR(64)              NOT NULL,
    last_sign_in  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, client_id)
);

-- Failed sign-ins per account and per address, for throttling with back-off. In the database,
-- so every server of several counts the same failures.
CREATE TABLE sign_in_throttle (
    throttle_key  VARCHAR(200)             NOT NULL PRIMARY KEY,
    failures      INTEGER                  NOT NULL,
    last_failure  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);

-- Which tickets name which attachment: a download is for a ticket in the caller's scope only.
CREATE TABLE ticket_attachment (
    sha256     VARCHAR(64) NOT NULL,
    ticket_id  UUID        NOT NULL,
    PRIMARY KEY (sha256, ticket_id)
);

-- Every event id the central store holds, with its ticket: an id is never taken twice (a PC's
-- event table keys on it, so a reused id would stop every PC that pulls both tickets).
CREATE TABLE central_event (
    event_id   UUID NOT NULL PRIMARY KEY,
    ticket_id  UUID NOT NULL
);

-- Who started an upload (an unfinished one expires).
ALTER TABLE attachment_upload ADD COLUMN started_by VARCHAR(64);
