-- msp schema, version 9: a focal point may send a withdrawal through their link, as well as a note. A submission's
-- kind says which: a 'note' (a registration or an amendment once accepted, listing its participants) or a
-- 'withdrawal' (a note verbale taking the delegation off the list, which lists nobody). Every submission stored before
-- this version is a note. Accepting a withdrawal records it as `msp withdraw` does, with the submission's receipt time.

ALTER TABLE submission ADD COLUMN kind TEXT NOT NULL DEFAULT 'note'
    CHECK (kind IN ('note', 'withdrawal'))
    CHECK (kind = 'note' OR json_array_length(content, '$.participants') = 0);
