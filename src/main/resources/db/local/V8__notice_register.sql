-- The register of supervision notices (督办通知) issued from this PC (docs/reports.md): each
-- notice's number in its year, the run that made it (scope and as-of date), its recipient, and
-- the tickets it named. The same run, recipient and tickets again is a reprint: it keeps its number.
CREATE TABLE notice (
    id             UUID                        NOT NULL PRIMARY KEY,
    issue_year     INTEGER                     NOT NULL,
    serial         INTEGER                     NOT NULL,
    agency         VARCHAR(20)                 NOT NULL,
    scope_key      VARCHAR(64)                 NOT NULL,
    recipient_key  VARCHAR(64)                 NOT NULL,
    recipient_name VARCHAR(200)                NOT NULL,
    as_of          DATE                        NOT NULL,
    content_key    VARCHAR(64)                 NOT NULL,
    issued_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_notice_serial UNIQUE (issue_year, serial),
    CONSTRAINT uq_notice_reprint UNIQUE (scope_key, recipient_key, as_of, content_key)
);
CREATE TABLE notice_ticket (
    notice_id  UUID        NOT NULL,
    ticket_no  VARCHAR(32) NOT NULL,
    PRIMARY KEY (notice_id, ticket_no),
    CONSTRAINT fk_notice_ticket_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
);
CREATE INDEX ix_notice_ticket_no ON notice_ticket (ticket_no);

-- How this office's notices are headed and signed: one row, edited on the reports page or with
-- `report letterhead`. Empty contact and telephone print as lines to fill in by hand.
CREATE TABLE notice_letterhead (
    id           INTEGER      NOT NULL PRIMARY KEY,
    issuer       VARCHAR(100),
    agency       VARCHAR(20),
    reply_days   INTEGER      NOT NULL,
    contact      VARCHAR(40),
    phone        VARCHAR(40),
    copy_to      VARCHAR(200),
    CONSTRAINT ck_letterhead_one CHECK (id = 1)
);
INSERT INTO notice_letterhead (id, reply_days) VALUES (1, 3);
