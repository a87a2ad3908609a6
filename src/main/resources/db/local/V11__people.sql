-- The display names of the county's people, as the central store lists them (issue 16): a history
-- names who acted by account (township.530128002); the PC shows 张… instead. Names only: who may
-- sign in here and with what role stays in app_user.
CREATE TABLE person (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL
);
