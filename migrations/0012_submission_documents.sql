-- A submitted note verbale's PDF in a table of its own. In the submission's row it came before the status, the
-- decision and the note's number, so every read of the queue walked each row's 200 KB of overflow pages to reach
-- them (1.2 s for the queue page with 5,000 pending). The queue now reads small rows; the bytes are read only when
-- the PDF itself is asked for. Nothing is lost: every PDF is copied before the column is dropped.
CREATE TABLE submission_document (
    submission_id  INTEGER PRIMARY KEY REFERENCES submission(id),
    pdf            BLOB NOT NULL CHECK (typeof(pdf) = 'blob' AND length(pdf) BETWEEN 1 AND 10485760)
);
INSERT INTO submission_document (submission_id, pdf) SELECT id, pdf FROM submission ORDER BY id;

-- Its size, kept with the submission (the queue shows it).
ALTER TABLE submission ADD COLUMN pdf_size INTEGER NOT NULL DEFAULT 0 CHECK (pdf_size BETWEEN 0 AND 10485760);
UPDATE submission SET pdf_size = length(pdf);
ALTER TABLE submission DROP COLUMN pdf;
