-- Most communes report only the year to date. The month's figure of such a unit is derived on consolidation:
-- this month's cumulative less last month's (January: the cumulative itself), and marked as derived so that
-- whatever shows it can say so. A level's total counts the derived parts it holds.
ALTER TABLE data_value ADD COLUMN derived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE rollup_value ADD COLUMN children_derived INTEGER DEFAULT 0 NOT NULL;
