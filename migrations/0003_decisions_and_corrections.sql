-- msp schema, version 3: the secretariat's decisions on late notes, its corrections and voidings of its own
-- transcriptions, and a meeting's choice for late notes not yet decided. Nothing is deleted or overwritten: a
-- correction writes the note again as a new version and keeps the old one; voiding and restoring are versions too.

-- Why a change was made, when the secretariat gives a reason (a decision, a correction, a voiding).
ALTER TABLE change ADD COLUMN reason TEXT;

-- What a late note awaiting a decision does: it counts in the list of participants until declined ('include'), or
-- only once accepted ('hold').
ALTER TABLE meeting ADD COLUMN undecided_late_notes TEXT NOT NULL DEFAULT 'include'
    CHECK (undecided_late_notes IN ('include', 'hold'));

-- A note's number is the id of its first version (NULL here: the row is that first version); every version keeps
-- it. The current version is the one not replaced; a voided version takes the note off everything but the history.
ALTER TABLE note ADD COLUMN number INTEGER REFERENCES note(id);
ALTER TABLE note ADD COLUMN replaced_by INTEGER REFERENCES note(id);
ALTER TABLE note ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1));

-- A reference is recorded once among a delegation's current notes (a correction's new version keeps it).
DROP INDEX note_reference;
CREATE UNIQUE INDEX note_reference ON note(delegation_id, reference)
    WHERE reference IS NOT NULL AND replaced_by IS NULL AND voided = 0;
CREATE INDEX note_number ON note(number) WHERE number IS NOT NULL;

-- The secretariat's decisions on late notes, by note number; the newest counts, the earlier ones stay.
CREATE TABLE decision (
    id          INTEGER PRIMARY KEY,
    note_number INTEGER NOT NULL REFERENCES note(id),
    change_id   INTEGER NOT NULL REFERENCES change(id),
    outcome     TEXT NOT NULL CHECK (outcome IN ('accepted', 'declined'))
);
CREATE INDEX decision_note ON decision(note_number, id);
