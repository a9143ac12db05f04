-- msp schema, version 2: credentials presented by States' delegations to a meeting.
-- Each record is kept; a delegation's latest (by received_at, then id) is the one the credentials report uses.

CREATE TABLE credential (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meeting(id),
    delegation_id      INTEGER NOT NULL REFERENCES delegation(id),
    change_id          INTEGER NOT NULL REFERENCES change(id),
    -- original: formal credentials from the Head of State or Government or the Minister for Foreign Affairs;
    -- copy: a copy or other communication (fax, letter from the Minister); note_verbale: only a note verbale.
    kind               TEXT NOT NULL CHECK (kind IN ('original', 'copy', 'note_verbale')),
    received_at        INTEGER NOT NULL,
    received_precision TEXT NOT NULL CHECK (received_precision IN ('instant', 'date'))
);
CREATE INDEX credential_delegation ON credential(delegation_id, received_at, id);
CREATE INDEX credential_meeting ON credential(meeting_id);
