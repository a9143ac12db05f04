-- msp schema, version 5: the focal points of a meeting. Each delegation (a State, or an organization) may have one
-- focal point, usually at its Permanent Mission, whom the secretariat knows by e-mail and sends a personal link.
-- The link carries a random token; only the token's SHA-256 is kept here, never the token. A link is never deleted
-- or edited back: re-issuing revokes the old link and issues a new one in the same change; revoking sets revoked_at.
-- A focal point may be named before its delegation sent any note, so it is keyed by the State or organization, as
-- delegation is, not by a delegation's row.

CREATE TABLE focal_point (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meeting(id),
    state_iso3         TEXT,
    organization_id    INTEGER REFERENCES organization(id),
    -- The delegation's English name on the meeting's opening day, as a copy (reads compute a State's name again).
    name               TEXT NOT NULL,
    email              TEXT NOT NULL,
    -- SHA-256 of the link's token (32 bytes); looking a link up is one index lookup by this hash.
    token_hash         BLOB NOT NULL UNIQUE CHECK (typeof(token_hash) = 'blob' AND length(token_hash) = 32),
    -- The change that issued the link (at its made_at), and the link it replaced when it was re-issued.
    change_id          INTEGER NOT NULL REFERENCES change(id),
    replaces           INTEGER REFERENCES focal_point(id),
    -- When the link stopped working (revoked, or replaced by a re-issued one), and by which change; NULL: active.
    revoked_at         INTEGER,
    revoked_change_id  INTEGER REFERENCES change(id),
    CHECK ((state_iso3 IS NULL) <> (organization_id IS NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_change_id IS NULL))
);
-- One active link per delegation and meeting.
CREATE UNIQUE INDEX focal_point_active_state ON focal_point(meeting_id, state_iso3)
    WHERE revoked_at IS NULL AND state_iso3 IS NOT NULL;
CREATE UNIQUE INDEX focal_point_active_organization ON focal_point(meeting_id, organization_id)
    WHERE revoked_at IS NULL AND organization_id IS NOT NULL;
CREATE INDEX focal_point_meeting ON focal_point(meeting_id);
