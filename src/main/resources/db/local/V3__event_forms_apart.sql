-- Form data moves out of ticket_event into its own table: the event rows stay narrow, so the
-- workbench reads a county's step movements (for clocks and queues) without reading every
-- form. The full history of one ticket joins them again. Nothing is lost: every row is copied
-- before the column is dropped, in the same migration.
CREATE TABLE ticket_event_form (
    event_id   UUID                   NOT NULL PRIMARY KEY,
    form_data  CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT fk_form_event FOREIGN KEY (event_id) REFERENCES ticket_event (id)
);
INSERT INTO ticket_event_form (event_id, form_data) SELECT id, form_data FROM ticket_event;
ALTER TABLE ticket_event DROP COLUMN form_data;

-- The newest tickets first, without sorting the whole county (the first screenful).
CREATE INDEX ix_ticket_submitted ON ticket (submitted_at);
