-- msp schema, version 4: the secretariat's accounts for the portal (msp serve), and the failed sign-ins that slow
-- down whoever guesses passwords. A password is kept only as its bcrypt hash.

CREATE TABLE account (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- secretariat: decides and records; viewer: reads.
    role          TEXT NOT NULL CHECK (role IN ('secretariat', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    -- When it was disabled (it can no longer sign in); NULL while active. Accounts are never deleted.
    disabled_at   INTEGER,
    change_id     INTEGER NOT NULL REFERENCES change(id)
);

-- Each failed sign-in, by the name tried and the address it came from.
CREATE TABLE login_failure (
    id           INTEGER PRIMARY KEY,
    account_name TEXT NOT NULL COLLATE NOCASE,
    address      TEXT NOT NULL,
    at           INTEGER NOT NULL
);
CREATE INDEX login_failure_name ON login_failure(account_name, at);
CREATE INDEX login_failure_address ON login_failure(address, at);
