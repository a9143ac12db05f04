-- msp schema, version 6: notes submitted by focal points through their links (the portal), awaiting the secretariat.
-- A submission is what the focal point sent, as sent: the transcription (reference and participants, checked as
-- `register` checks a note) as JSON, and the note verbale or letter as a PDF with its SHA-256. Its receipt time is the
-- server's clock when it arrived. Nothing is deleted: the secretariat accepts it (it is recorded as a note, whose
-- number is kept here) or returns it with a reason (the reason of the change that returned it); either sets its
-- status once, from 'pending'. The delegation is keyed as focal_point keys it (a State, or an organization), so that
-- a link re-issued to the delegation still sees what the old one sent.

CREATE TABLE submission (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meeting(id),
    state_iso3         TEXT,
    organization_id    INTEGER REFERENCES organization(id),
    -- The link it came through.
    focal_point_id     INTEGER NOT NULL REFERENCES focal_point(id),
    -- When the server received it (seconds since 1970): what the deadline is applied to.
    received_at        INTEGER NOT NULL,
    -- The change that recorded its arrival.
    change_id          INTEGER NOT NULL REFERENCES change(id),
    -- {"reference": ..., "participants": [{"role", "title", "name", "function", "gender", "email"}, ...]}, checked.
    content            TEXT NOT NULL CHECK (json_valid(content)),
    pdf                BLOB NOT NULL CHECK (typeof(pdf) = 'blob' AND length(pdf) BETWEEN 1 AND 10485760),
    pdf_sha256         BLOB NOT NULL CHECK (typeof(pdf_sha256) = 'blob' AND length(pdf_sha256) = 32),
    status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'returned')),
    -- The change that accepted or returned it (who, when, and for a return the reason).
    decided_change_id  INTEGER REFERENCES change(id),
    -- Once accepted: the number of the note it became.
    note_number        INTEGER REFERENCES note(id),
    CHECK ((state_iso3 IS NULL) <> (organization_id IS NULL)),
    CHECK ((status = 'pending') = (decided_change_id IS NULL)),
    CHECK ((status = 'accepted') = (note_number IS NOT NULL))
);
-- The secretariat's queue: a meeting's submissions by status, oldest first.
CREATE INDEX submission_queue ON submission(meeting_id, status, received_at, id);
-- A delegation's own submissions, for its focal point's page.
CREATE INDEX submission_state ON submission(meeting_id, state_iso3) WHERE state_iso3 IS NOT NULL;
CREATE INDEX submission_organization ON submission(meeting_id, organization_id) WHERE organization_id IS NOT NULL;
