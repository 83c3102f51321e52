-- Issue 18 item 4: a cell keeps its commune and the user who last wrote it as ids, without foreign
-- keys, as the audit log has since 011.
--
-- Nothing deletes a commune or a user (they are merged, closed or deactivated), and every writer
-- of a cell takes both ids from the signed-in session and the commune it works in; the unit already
-- names the commune. Each check cost every new cell a lookup with a row lock on its commune and its
-- user: on the embedded database, for a push of 500 new values, 3 ms each of the write's 34 ms
-- (`EXPLAIN ANALYZE`, docs/benchmarks-analysis.md, "Server ingest"). A cell's unit, period and
-- indicator keep theirs: periods and plans are deleted when unused, and those checks are what
-- stops a value landing in one that a concurrent delete removes.
ALTER TABLE cell_values DROP CONSTRAINT cell_values_commune_id_fkey;
ALTER TABLE cell_values DROP CONSTRAINT cell_values_updated_by_fkey;
