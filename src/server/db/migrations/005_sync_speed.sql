-- Issue 18: faster push ingest and pull.

-- A counter of the commune's structure: its units, periods, plans and indicators. Triggers bump
-- it on every insert, update and delete of those rows, whatever code writes them, in the writer's
-- transaction (so under the commune row lock). Ingest caches the structure per
-- (commune, structure_version), read with the commune row lock in its own transaction: a cache
-- that holds on every instance without ever serving a stale unit, period lock or indicator.
ALTER TABLE communes ADD COLUMN structure_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION mark_commune_structure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE communes SET structure_version = structure_version + 1
   WHERE id IN (SELECT DISTINCT commune_id FROM changed);
  RETURN NULL;
END $$;

CREATE FUNCTION mark_plan_structure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE communes SET structure_version = structure_version + 1
   WHERE id IN (SELECT p.commune_id FROM plans p WHERE p.id IN (SELECT DISTINCT plan_id FROM changed));
  RETURN NULL;
END $$;

-- Transition tables allow one event per trigger: three triggers a table.
CREATE TRIGGER units_structure_ins AFTER INSERT ON units REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER units_structure_upd AFTER UPDATE ON units REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER units_structure_del AFTER DELETE ON units REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER periods_structure_ins AFTER INSERT ON periods REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER periods_structure_upd AFTER UPDATE ON periods REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER periods_structure_del AFTER DELETE ON periods REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER plans_structure_ins AFTER INSERT ON plans REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER plans_structure_upd AFTER UPDATE ON plans REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER plans_structure_del AFTER DELETE ON plans REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_commune_structure();
CREATE TRIGGER indicators_structure_ins AFTER INSERT ON indicators REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_plan_structure();
CREATE TRIGGER indicators_structure_upd AFTER UPDATE ON indicators REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_plan_structure();
CREATE TRIGGER indicators_structure_del AFTER DELETE ON indicators REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_plan_structure();

-- A village head's pull finds its page end by walking each of its units' rows in version order
-- (an index-ordered LIMIT), never the rest of the commune.
CREATE INDEX cell_values_unit_version ON cell_values (unit_id, version);
CREATE INDEX reports_unit_version ON reports (unit_id, version);
