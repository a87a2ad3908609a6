-- Central store schema, owned by Flyway. Written once for H2 and PostgreSQL: standard types only.

-- People who sign in to the central store, with their scope. Passwords: PBKDF2-HMAC-SHA256,
-- per-user salt, stored as "pbkdf2-sha256$iterations$salt$hash" (Base64).
CREATE TABLE central_user (
    username         VARCHAR(64)              NOT NULL PRIMARY KEY,
    display_name     VARCHAR(100)             NOT NULL,
    role             VARCHAR(20)              NOT NULL,
    county_code      VARCHAR(6)               NOT NULL,
    department_code  VARCHAR(32),
    township_code    VARCHAR(9),
    password_hash    VARCHAR(200)             NOT NULL,
    disabled         BOOLEAN                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_central_user_role CHECK (role IN ('CLERK', 'TOWNSHIP', 'LEADER', 'ADMIN'))
);

-- Sign-in tokens. Only a SHA-256 of the token is kept, so a copy of the database signs nobody in.
-- In the database (not in one server's memory), so any server of several can check any token.
CREATE TABLE auth_token (
    token_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    username    VARCHAR(64)              NOT NULL,
    client_id   VARCHAR(64)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_token_user FOREIGN KEY (username) REFERENCES central_user (username)
);

-- The one counter that orders every change. A writer locks this row, takes the next number and
-- commits; the next writer waits for the lock. So change numbers become visible in their order,
-- and a client that has read up to N never misses a change numbered below N later.
CREATE TABLE change_counter (
    id           INTEGER NOT NULL PRIMARY KEY,
    last_change  BIGINT  NOT NULL
);
INSERT INTO change_counter (id, last_change) VALUES (1, 0);

-- Each ticket with its whole history, as one interchange line (the sample-data format); the
-- columns beside it are what scope and order need.
CREATE TABLE central_ticket (
    id             UUID                     NOT NULL PRIMARY KEY,
    ticket_no      VARCHAR(32)              NOT NULL,
    item_code      VARCHAR(64)              NOT NULL,
    county_code    VARCHAR(6)               NOT NULL,
    township_code  VARCHAR(9)               NOT NULL,
    last_seq       INTEGER                  NOT NULL,
    change_no      BIGINT                   NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    body           TEXT                     NOT NULL,
    CONSTRAINT uq_central_ticket_no UNIQUE (ticket_no)
);
CREATE INDEX ix_central_ticket_change ON central_ticket (county_code, change_no);

-- Every operation a client pushed, applied or not: the audit log (who, when, from which client)
-- and what makes a push idempotent (the same id is answered from here, never applied twice).
CREATE TABLE applied_op (
    op_id         UUID                     NOT NULL PRIMARY KEY,
    username      VARCHAR(64)              NOT NULL,
    client_id     VARCHAR(64)              NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    ticket_id     UUID                     NOT NULL,
    payload_hash  VARCHAR(64)              NOT NULL,
    outcome       VARCHAR(20)              NOT NULL,
    reason        VARCHAR(1000),
    change_no     BIGINT,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_applied_op_outcome CHECK (outcome IN ('APPLIED', 'REJECTED', 'CONFLICT'))
);
CREATE INDEX ix_applied_op_ticket ON applied_op (ticket_id);

-- Photos and documents by SHA-256; an upload in progress is kept apart until its bytes hash right.
CREATE TABLE attachment (
    sha256     VARCHAR(64)              NOT NULL PRIMARY KEY,
    size       BIGINT                   NOT NULL,
    content    BYTEA                    NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE attachment_upload (
    sha256      VARCHAR(64)              NOT NULL PRIMARY KEY,
    total_size  BIGINT                   NOT NULL,
    content     BYTEA                    NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
