-- How many points a file's feedback lists (its reading's findings, the rules' findings the unit can fix, the
-- values a new version removed, which version counts): the night's summary counts what the units were told.
ALTER TABLE submission ADD COLUMN findings_told INTEGER;
