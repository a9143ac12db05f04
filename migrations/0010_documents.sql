-- msp schema, version 10: what the secretariat sets for a meeting's official documents (the list of participants, the
-- credentials report), printed in their masthead as UN documents print it: the symbol top right, the distribution and
-- the date of issue under it, the language of the original, and whether the document is still provisional. A document
-- with no row here has no symbol and is provisional, in English. Each setting is a change (who, when); the row holds
-- what is set now.

CREATE TABLE meeting_document (
    meeting_id         INTEGER NOT NULL REFERENCES meeting(id),
    kind               TEXT NOT NULL CHECK (kind IN ('participants', 'credentials')),
    -- "CCM/MSP/2017/INF.1", chosen by the secretariat; NULL: none yet.
    symbol             TEXT CHECK (symbol IS NULL OR length(symbol) BETWEEN 3 AND 60),
    distribution       TEXT NOT NULL DEFAULT 'General' CHECK (distribution IN ('General', 'Limited', 'Restricted')),
    -- The date of issue, YYYY-MM-DD; NULL prints none.
    issued_on          TEXT CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    provisional        INTEGER NOT NULL DEFAULT 1 CHECK (provisional IN (0, 1)),
    original_language  TEXT NOT NULL DEFAULT 'English'
        CHECK (original_language IN ('Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish')),
    -- The change that set it last.
    change_id          INTEGER NOT NULL REFERENCES change(id),
    PRIMARY KEY (meeting_id, kind)
);
