-- HSQLDB keeps a MEMORY table (its default) whole on the heap: a million-row list, or a national month's
-- values, would need gigabytes. CACHED tables live in the .data file with a bounded cache. New tables get
-- the same type from the connection URL (hsqldb.default_table_type=cached).
SET TABLE list_record TYPE CACHED;
SET TABLE staged_value TYPE CACHED;
SET TABLE finding TYPE CACHED;
SET TABLE data_value TYPE CACHED;
SET TABLE rollup_value TYPE CACHED;
SET TABLE rule_result TYPE CACHED;
SET TABLE submission TYPE CACHED;
