-- msp schema, version 11: the same participant table, its checks written without IN lists. SQLite (3.40) evaluates
-- `x IN ('a', 'b', 'c')` (three or more values) by building a temporary index for every row it checks: two per
-- participant inserted, about half of what an import's writing cost (bench/results.md, "Profile"). The same rules
-- written as comparisons allow exactly the same values (NULL passes a CHECK either way) and cost nothing to build.
-- The table is rebuilt: SQLite cannot change a CHECK in place. Nothing refers to participant, so nothing else changes.

CREATE TABLE participant_checked (
    note_id   INTEGER NOT NULL REFERENCES note(id),
    position  INTEGER NOT NULL,
    role      TEXT NOT NULL CHECK (role = 'head' OR role = 'alternate' OR role = 'adviser'),
    title     TEXT,
    name      TEXT NOT NULL,
    function  TEXT,
    gender    TEXT CHECK (gender = 'female' OR gender = 'male' OR gender = 'other'),
    email     TEXT,
    PRIMARY KEY (note_id, position)
) WITHOUT ROWID;

INSERT INTO participant_checked (note_id, position, role, title, name, function, gender, email)
    SELECT note_id, position, role, title, name, function, gender, email FROM participant;

DROP TABLE participant;

ALTER TABLE participant_checked RENAME TO participant;
