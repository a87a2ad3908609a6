-- Holiday years an administrator imported (the State Council's notice for a year the release
-- does not ship), kept here so every PC of the province gets the same working days at its
-- next sync. The file's text as imported; the shipped years are not stored.
CREATE TABLE holiday_year (
    holiday_year  INTEGER                  NOT NULL PRIMARY KEY,
    content       TEXT                     NOT NULL,
    imported_by   VARCHAR(64)              NOT NULL,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
