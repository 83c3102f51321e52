-- Issue 15, item 2: the council's scores of the manual criteria of a year's scoring table
-- (bảng điểm thi đua, in the plan's header), one row per (unit, criterion). Entered by the
-- officer, audited (entity 'unit'), read into the ranking (shared/scoring.ts). The criteria and
-- their maxima live in the plan: a score is checked against them when written, and one for a
-- criterion since removed from the table is ignored by the ranking.
CREATE TABLE council_scores (
  commune_id bigint NOT NULL REFERENCES communes(id),
  year       int NOT NULL,
  unit_id    bigint NOT NULL REFERENCES units(id),
  criterion  text NOT NULL,
  score      double precision NOT NULL CHECK (score >= 0),
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_id, year, unit_id, criterion)
);
