-- Schema 13: the event table drops its foreign key to ticket. H2 gives a foreign key an index of
-- exactly its own columns (ticket_id) and will not use uq_event_seq (ticket_id, seq) for it, so
-- every event written went into two indexes led by the same column. That second index cost a
-- fifth of the write path's CPU in a county's first pull (50,000 tickets, 251,000 events: 9.6 s
-- of CPU instead of 12.1 s, a file of 610 MB instead of 750 MB before compaction).
-- uq_event_seq stays (it finds a ticket's events and keeps their order unique). The rule the key
-- kept is the store's: events are written only with their ticket and in its transaction
-- (TicketRows, the unit of work), and the one delete of a ticket removes its forms and events
-- first (CentralCopies.remove); PullWriteTest checks that no event outlives its ticket.
ALTER TABLE ticket_event DROP CONSTRAINT fk_event_ticket;
