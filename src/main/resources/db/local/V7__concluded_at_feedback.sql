-- 办结 is the result fed back to the applicant, not the follow-up visit after it (issue 13,
-- docs/rules.md): a ticket waiting for or past its visit is concluded at the moment it entered the
-- visit — its latest entry, after any reopening. Refusals (straight to 'concluded') keep their time.
UPDATE ticket t
   SET status = 'CONCLUDED',
       concluded_at = (SELECT MAX(e.at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.to_step = 'follow_up')
 WHERE t.current_step IN ('follow_up', 'concluded')
   AND EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.to_step = 'follow_up');
