-- Schema 14: the event table drops its primary key on the event's id. Event ids are random UUIDs,
-- so every event written went into a tree of 250,000 random keys besides uq_event_seq: in a
-- county's first pull (50,000 tickets, 251,000 events, the write path alone) that key took half
-- the CPU (3.5 s of wall time instead of 7.1 s; a file of 367 MB instead of 603 MB before
-- compaction). Nothing on a PC finds an event by its id: a history is read by its ticket, on
-- uq_event_seq (ticket_id, seq), which stays and keeps each history's order unique. An event id
-- stays unique where it is given out: the central store owns each id (central_event) and refuses
-- one another ticket holds; an import refuses a line reusing an id the store or the file holds
-- (TicketImporter reads the stored ids once).
ALTER TABLE ticket_event DROP PRIMARY KEY;
