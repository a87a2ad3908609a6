-- When the central store received each event from a PC (null: the platform's own records, or
-- work not yet synced). A large gap after the event's own time marks a late or back-dated entry.
ALTER TABLE ticket_event ADD COLUMN received_at TIMESTAMP(6) WITH TIME ZONE;
