-- A notice issued under the letterhead's default abbreviation keeps none of its own (NULL): the
-- default is said in the language of whoever prints or lists the notice (救助督〔2026〕1号, or
-- "Relief Supervision [2026] No. 1"). Before, the default was stored in the words of the language
-- the notice was first made in, so a notice first made in English printed in Chinese as
-- "Relief Supervision〔2026〕1号". An abbreviation the office set itself is kept as it was typed.
ALTER TABLE notice ALTER COLUMN agency SET NULL;
UPDATE notice SET agency = NULL WHERE agency IN ('救助督', 'Relief Supervision');
