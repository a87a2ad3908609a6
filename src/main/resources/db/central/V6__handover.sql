-- Tickets moved to another item (转派, 重新派单; issue 16): one row per move, under the change number
-- that moved it. A PC whose scope held the item left learns from its next pull that the ticket is
-- no longer its own (the ids only: the ticket's new state is outside that scope).
CREATE TABLE central_handover (
    county_code    VARCHAR(6)  NOT NULL,
    change_no      BIGINT      NOT NULL,
    ticket_id      UUID        NOT NULL,
    from_item      VARCHAR(64) NOT NULL,
    township_code  VARCHAR(9)  NOT NULL,
    PRIMARY KEY (county_code, change_no)
);
