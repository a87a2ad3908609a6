-- Attachments in pieces (issue 15): an upload's piece is appended as a row of its own (no longer
-- the whole partial blob read and written again for every piece), its progress is a number
-- (a status never reads bytes), and a stored attachment is streamed to a PC piece by piece, so
-- no request holds a whole file in memory. Pieces are at most 8 MB (CentralServer.MAX_PIECE_BYTES).
CREATE TABLE attachment_piece (
    sha256        VARCHAR(64) NOT NULL,
    piece_offset  BIGINT      NOT NULL,
    content       BYTEA       NOT NULL,
    PRIMARY KEY (sha256, piece_offset)
);
ALTER TABLE attachment_upload ADD COLUMN received BIGINT DEFAULT 0 NOT NULL;
-- what was already there becomes one piece each
INSERT INTO attachment_piece (sha256, piece_offset, content) SELECT sha256, 0, content FROM attachment;
INSERT INTO attachment_piece (sha256, piece_offset, content) SELECT sha256, 0, content FROM attachment_upload;
UPDATE attachment_upload SET received = OCTET_LENGTH(content);
ALTER TABLE attachment ALTER COLUMN content DROP NOT NULL;
ALTER TABLE attachment_upload ALTER COLUMN content DROP NOT NULL;
UPDATE attachment SET content = NULL;
UPDATE attachment_upload SET content = NULL;
