-- The result a concluded ticket reached (approved, solved, returned_to_school …), and the
-- outcome an event recorded; codes from the catalog's outcome list.
ALTER TABLE ticket ADD COLUMN outcome VARCHAR(64);
ALTER TABLE ticket_event ADD COLUMN outcome VARCHAR(64);
