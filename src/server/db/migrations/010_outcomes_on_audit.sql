-- Issue 18 item 4: a push's applied change keeps its outcome on its own audit row.
--
-- Every audit row a push writes is the `applied` outcome of one mutation, at the commune version
-- the push wrote: with that version beside the mutation id, the audit row is the stored outcome,
-- and the push no longer writes a second row for it into `mutations`. `mutations` keeps the
-- outcomes that change nothing (rejections, conflicts, values applied at the cell's current
-- version), which must be replayed exactly too, and every outcome stored before this migration.
--
-- Only rows written from now on carry a version; the index holds only them (older rows' outcomes
-- are in `mutations`), so it is built over no existing row and stays unique per mutation id.
ALTER TABLE audit ADD COLUMN version bigint;
CREATE UNIQUE INDEX audit_mutation ON audit (mutation_id) WHERE version IS NOT NULL;
