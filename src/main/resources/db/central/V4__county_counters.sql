-- Change numbers per county (issue 15): every scope lies inside one county, so a write takes only
-- its county's counter row and counties never wait on each other. Within a county numbers still
-- commit in order, so a pull never sees number N before N-1 (docs/sync-protocol.md). Each county
-- starts from the old single counter, so every number taken from now on is above any number a PC
-- already holds as its cursor. change_counter is kept (a new county starts from it too).
CREATE TABLE county_change_counter (
    county_code  VARCHAR(6) NOT NULL PRIMARY KEY,
    last_change  BIGINT     NOT NULL
);
INSERT INTO county_change_counter (county_code, last_change)
SELECT DISTINCT t.county_code, (SELECT c.last_change FROM change_counter c WHERE c.id = 1) FROM central_ticket t;
