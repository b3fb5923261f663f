-- Where each received file went and what its unit was told.
ALTER TABLE submission ADD COLUMN original_name VARCHAR(500);   -- the file's name as the unit gave it, NFC
ALTER TABLE submission ADD COLUMN filed_path VARCHAR(1000);     -- archive/... or rejected/..., relative to the working folder
ALTER TABLE submission ADD COLUMN feedback_path VARCHAR(1000);  -- outbox/<unit>/<name>.phan-hoi.txt
ALTER TABLE submission ADD COLUMN filed_at TIMESTAMP;
CREATE INDEX submission_unfiled ON submission (filed_at, id);
