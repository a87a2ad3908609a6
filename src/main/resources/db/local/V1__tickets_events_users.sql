-- Local store schema, owned by Flyway; Hibernate only validates it.
CREATE TABLE ticket (
    id                   UUID                        NOT NULL PRIMARY KEY,
    ticket_no            VARCHAR(32)                 NOT NULL,
    item_code            VARCHAR(64)                 NOT NULL,
    county_code          VARCHAR(6)                  NOT NULL,
    county_name          VARCHAR(100)                NOT NULL,
    township_code        VARCHAR(9)                  NOT NULL,
    township_name        VARCHAR(100)                NOT NULL,
    village_code         VARCHAR(12)                 NOT NULL,
    village_name         VARCHAR(100)                NOT NULL,
    applicant_name       VARCHAR(100)                NOT NULL,
    applicant_id_number  VARCHAR(18)                 NOT NULL,
    applicant_phone      VARCHAR(20)                 NOT NULL,
    channel              VARCHAR(20)                 NOT NULL,
    raised_by            VARCHAR(200),
    submitted_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    dispatched_at        TIMESTAMP(6) WITH TIME ZONE,
    current_step         VARCHAR(64)                 NOT NULL,
    status               VARCHAR(20)                 NOT NULL,
    concluded_at         TIMESTAMP(6) WITH TIME ZONE,
    version              BIGINT                      NOT NULL,
    CONSTRAINT uq_ticket_no UNIQUE (ticket_no),
    CONSTRAINT ck_ticket_channel CHECK (channel IN ('SELF_RAISED', 'RAISED_BY_PROXY', 'GOVERNMENT_FOUND')),
    CONSTRAINT ck_ticket_status CHECK (status IN ('NEW', 'IN_PROGRESS', 'CONCLUDED'))
);
CREATE INDEX ix_ticket_scope ON ticket (county_code, item_code);
CREATE INDEX ix_ticket_township ON ticket (township_code);

-- Append-only: the application never updates or deletes a row here.
CREATE TABLE ticket_event (
    id         UUID                        NOT NULL PRIMARY KEY,
    ticket_id  UUID                        NOT NULL,
    seq        INTEGER                     NOT NULL,
    actor      VARCHAR(200)                NOT NULL,
    at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    action     VARCHAR(64)                 NOT NULL,
    from_step  VARCHAR(64),
    to_step    VARCHAR(64),
    note       VARCHAR(4000),
    form_data  CHARACTER LARGE OBJECT      NOT NULL,
    CONSTRAINT fk_event_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT uq_event_seq UNIQUE (ticket_id, seq)
);

CREATE TABLE app_user (
    username         VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name     VARCHAR(100) NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    county_code      VARCHAR(6)   NOT NULL,
    department_code  VARCHAR(32),
    township_code    VARCHAR(9),
    CONSTRAINT ck_user_role CHECK (role IN ('CLERK', 'TOWNSHIP', 'LEADER', 'ADMIN'))
);
