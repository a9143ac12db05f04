-- msp schema, version 8: the e-mails to focal points (the outbox). A message is written here in the same transaction
-- as what it tells (a submission received, accepted, returned), so that it is never lost and never holds the
-- submission back: sending happens later, outside any transaction, and a failure only sets the next attempt. Nothing
-- is deleted: a sent message stays, with when and where it went, as the history of what was told to whom.
-- The From address is the sender's configuration (msp serve --mail-from), added when the message is sent.

CREATE TABLE mail (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meeting(id),
    -- What it is about, and the change that queued it (its arrival, acceptance or return).
    submission_id    INTEGER REFERENCES submission(id),
    change_id        INTEGER NOT NULL REFERENCES change(id),
    -- What happened: 'submission received', 'submission accepted', 'submission returned'... (free text, so that a
    -- new kind of message needs no migration).
    event            TEXT NOT NULL CHECK (length(event) > 0),
    -- The recipient: a display name (UTF-8, encoded when sent) and an address.
    to_name          TEXT,
    to_address       TEXT NOT NULL CHECK (length(to_address) > 0),
    subject          TEXT NOT NULL,
    -- The text, with \n line ends (CRLF and the transfer encoding are the sender's).
    body             TEXT NOT NULL,
    -- The Message-ID's left part (unique); the right part is the From address's domain.
    message_id       TEXT NOT NULL UNIQUE,
    -- When it was queued (seconds since 1970): the Date header.
    created_at       INTEGER NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Not before this instant: now when queued; after a failure, later and later (backoff); while a sender works on
    -- it, the end of its lease (a sender that died leaves it to be tried again then).
    next_attempt_at  INTEGER NOT NULL,
    last_attempt_at  INTEGER,
    last_error       TEXT,
    sent_at          INTEGER,
    -- Where it went: "smtp HOST:PORT" or the .eml file's path.
    sent_via         TEXT,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
-- The sender's question: what is pending and due, oldest first.
CREATE INDEX mail_due ON mail(next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX mail_meeting ON mail(meeting_id, id);
CREATE INDEX mail_submission ON mail(submission_id) WHERE submission_id IS NOT NULL;
