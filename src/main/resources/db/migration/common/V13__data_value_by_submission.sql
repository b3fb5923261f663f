-- A unit's page in the web console reads the figures in force that its files gave (data_value by submission):
-- without this index, a full scan of the month's figures per file (seconds with the national month loaded).
CREATE INDEX data_value_submission ON data_value (submission_id);
