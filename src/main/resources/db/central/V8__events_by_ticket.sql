-- Each start checks for tickets whose events are not indexed yet (CentralTickets.indexOlderTickets:
-- "NOT EXISTS (SELECT 1 FROM central_event e WHERE e.ticket_id = t.id)"). Without an index by
-- ticket that was a scan of every event for every ticket: a restart of a store holding 50,000
-- tickets took more than 7 minutes before it served anyone.
CREATE INDEX central_event_ticket ON central_event (ticket_id);
