-- A pull page says which attachments its tickets name that the central store holds
-- (docs/sync-protocol.md): looked up by ticket, which the primary key (sha256, ticket_id) does not serve.
CREATE INDEX ticket_attachment_ticket ON ticket_attachment (ticket_id);
