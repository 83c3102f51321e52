-- Issue 18 item 4: the audit log keeps the commune and the user of a row as ids, without foreign
-- keys, like its unit, period and indicator ids since 001.
--
-- The audit is a record of what happened: it refers to rows, it does not depend on them, and
-- nothing deletes a commune or a user (they are merged, closed or deactivated); every writer
-- takes both ids from the signed-in session and the commune it works in. The two checks cost
-- each audit row two lookups with a row lock on its commune and its user, and a push writes one
-- audit row per value: a third of the row's cost (docs/benchmarks-analysis.md, "Server ingest").
-- The rare province and uploader ids keep theirs.
ALTER TABLE audit DROP CONSTRAINT audit_commune_id_fkey;
ALTER TABLE audit DROP CONSTRAINT audit_user_id_fkey;
