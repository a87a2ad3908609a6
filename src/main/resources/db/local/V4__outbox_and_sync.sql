-- Every local change is also an operation waiting to be pushed to the central store, written in
-- the same transaction as the change. Rows are never deleted: an operation the central store
-- refused, or one the user discarded after a conflict, stays here with its reason.
CREATE TABLE outbox (
    op_id           UUID                        NOT NULL PRIMARY KEY,
    seq             BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    ticket_id       UUID                        NOT NULL,
    kind            VARCHAR(20)                 NOT NULL,
    created_by      VARCHAR(64)                 NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body            CHARACTER LARGE OBJECT      NOT NULL,
    state           VARCHAR(20)                 NOT NULL,
    reason_key      VARCHAR(200),
    reason          VARCHAR(2000),
    central_ticket  CHARACTER LARGE OBJECT,
    settled_at      TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_outbox_seq UNIQUE (seq),
    CONSTRAINT ck_outbox_state CHECK (state IN ('PENDING', 'APPLIED', 'REJECTED', 'CONFLICT', 'DISCARDED', 'REAPPLIED'))
);
CREATE INDEX ix_outbox_state ON outbox (state, seq);
CREATE INDEX ix_outbox_ticket ON outbox (ticket_id);

-- Small facts of the sync: the pull cursor, this client's id, the central URL, the last sync time.
CREATE TABLE sync_state (
    fact_name   VARCHAR(64)   NOT NULL PRIMARY KEY,
    fact_value  VARCHAR(4000) NOT NULL
);
