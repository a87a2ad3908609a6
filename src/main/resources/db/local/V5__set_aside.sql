-- Tickets a pull brought that this PC cannot take (they break a rule every store holds, or the
-- local database refused them): kept here whole, with the reason, for the administrator; the
-- pull goes on past them. A later version that can be taken replaces the ticket and clears it.
CREATE TABLE set_aside (
    ticket_id     UUID                        NOT NULL PRIMARY KEY,
    ticket_no     VARCHAR(64),
    pulled_by     VARCHAR(64)                 NOT NULL,
    rule          VARCHAR(200)                NOT NULL,
    field         VARCHAR(200),
    args          VARCHAR(2000),
    line          CHARACTER LARGE OBJECT      NOT NULL,
    set_aside_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
