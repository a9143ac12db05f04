-- msp schema, version 7: the portal's sessions, kept in the database so that restarting `msp serve` signs nobody out, and the
-- failed look-ups of focal points' links that slow down whoever guesses tokens.

-- One browser's session. The cookie carries a random id; only the id's SHA-256 is kept here, so a copy of the
-- database gives no one a session. Reads ignore a row past its expires_at; such rows are deleted as new sessions are
-- made and when the portal starts. Disabling an account deletes its sessions in the same transaction.
CREATE TABLE portal_session (
    id_hash      BLOB PRIMARY KEY CHECK (typeof(id_hash) = 'blob' AND length(id_hash) = 32),
    -- Who signed in with it (account.name); NULL before anyone signs in (a form's CSRF token only).
    account_name TEXT COLLATE NOCASE,
    -- What the portal keeps between requests (JSON: the CSRF token, who signed in).
    data         BLOB NOT NULL,
    -- Seconds since the epoch after which the session is over.
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX portal_session_expiry ON portal_session(expires_at);
CREATE INDEX portal_session_account ON portal_session(account_name) WHERE account_name IS NOT NULL;

-- Each look-up of a focal point's link that found no working link (unknown, malformed, revoked or replaced), by the
-- address it came from. Rows older than the window are deleted as new ones are added.
CREATE TABLE link_failure (
    id      INTEGER PRIMARY KEY,
    address TEXT NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX link_failure_address ON link_failure(address, at);
CREATE INDEX link_failure_at ON link_failure(at);
