-- msp schema, version 1: meetings, the organizations that send delegations, delegations, notes, participants,
-- the convention's membership records, and a log of every change.
-- Times are whole seconds since 1970-01-01 UTC; days are 'YYYY-MM-DD' text.

CREATE TABLE meeting (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title         TEXT NOT NULL,
    convention    TEXT NOT NULL,
    venue         TEXT,
    opens_on      TEXT NOT NULL,
    closes_on     TEXT NOT NULL CHECK (closes_on >= opens_on),
    time_zone     TEXT NOT NULL,
    -- The instant the deadline closes (for a day: the start of the next day at the venue).
    deadline_at   INTEGER NOT NULL,
    -- The day, when the deadline was given as "no later than" a day; NULL for an exact instant.
    deadline_on   TEXT,
    created_at    INTEGER NOT NULL
);

-- Every change to the record: who ran which command, when.
CREATE TABLE change (
    id            INTEGER PRIMARY KEY,
    made_at       INTEGER NOT NULL,
    os_user       TEXT NOT NULL,
    command       TEXT NOT NULL,
    summary       TEXT NOT NULL
);

CREATE TABLE organization (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL UNIQUE,
    acronym       TEXT,
    category      TEXT NOT NULL CHECK (category IN ('international_organization', 'civil_society')),
    -- '|'-separated other names.
    aliases       TEXT NOT NULL DEFAULT ''
);

-- Every key (folded name, acronym, alias) an organization is found by.
CREATE TABLE organization_key (
    key             TEXT PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organization(id)
) WITHOUT ROWID;

-- A State's or an organization's delegation to one meeting.
CREATE TABLE delegation (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meeting(id),
    state_iso3      TEXT,
    organization_id INTEGER REFERENCES organization(id),
    -- Canonical English name and its sort key (no case, no diacritics), copied for the list of participants.
    name            TEXT NOT NULL,
    sort_key        TEXT NOT NULL,
    -- The newest note that lists participants (the composition), and whether a withdrawal is newest.
    composition_note_id INTEGER REFERENCES note(id),
    withdrawn       INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    CHECK ((state_iso3 IS NULL) <> (organization_id IS NULL)),
    UNIQUE (meeting_id, state_iso3),
    UNIQUE (meeting_id, organization_id)
);

-- A note verbale or letter, as received.
CREATE TABLE note (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meeting(id),
    delegation_id      INTEGER NOT NULL REFERENCES delegation(id),
    change_id          INTEGER NOT NULL REFERENCES change(id),
    kind               TEXT NOT NULL CHECK (kind IN ('registration', 'amendment', 'withdrawal')),
    reference          TEXT,
    received_at        INTEGER NOT NULL,
    received_precision TEXT NOT NULL CHECK (received_precision IN ('instant', 'date')),
    channel            TEXT CHECK (channel IN ('email', 'post', 'hand', 'fax')),
    participant_count  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX note_reference ON note(delegation_id, reference) WHERE reference IS NOT NULL;
CREATE INDEX note_delegation ON note(delegation_id, received_at);
CREATE INDEX note_received ON note(meeting_id, received_at);

-- A note's participants in the note's order, stored together by note (one B-tree, no separate index): the list of
-- participants reads a delegation's composition by note, and an import writes 100,000 of these.
CREATE TABLE participant (
    note_id   INTEGER NOT NULL REFERENCES note(id),
    position  INTEGER NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('head', 'alternate', 'adviser')),
    title     TEXT,
    name      TEXT NOT NULL,
    function  TEXT,
    gender    TEXT CHECK (gender IN ('female', 'male', 'other')),
    email     TEXT,
    PRIMARY KEY (note_id, position)
) WITHOUT ROWID;

-- Signatures and consents under a convention (seeded from the fixtures, kept current by the secretariat).
CREATE TABLE treaty_membership (
    convention      TEXT NOT NULL,
    state_iso3      TEXT NOT NULL,
    signed_on       TEXT,
    consented_on    TEXT,
    consent_kind    TEXT CHECK (consent_kind IN ('ratification', 'accession', 'acceptance', 'approval')),
    withdrawal_on   TEXT,
    PRIMARY KEY (convention, state_iso3)
) WITHOUT ROWID;
