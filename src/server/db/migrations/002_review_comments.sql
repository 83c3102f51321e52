-- The officer's comments on single values of a returned report, by indicator code
-- ({"LUA_SL": "Sản lượng chưa khớp với diện tích"}). Pulled with the report; cleared on approval.
ALTER TABLE reports ADD COLUMN comments jsonb NOT NULL DEFAULT '{}'::jsonb;
