-- Issue 16: evidence (minh chứng) on a report. A file's bytes live in the evidence storage
-- (server/evidence/storage.ts: DATA_DIR or S3); its metadata lives here, stamped with the commune
-- version of its write like every row a phone pulls, so pull tells the other devices and the
-- officer. A removed file keeps its row as a tombstone (`deleted`), so pull can say it went.
CREATE TABLE evidence (
  id             uuid PRIMARY KEY,
  commune_id     bigint NOT NULL REFERENCES communes(id),
  -- The phone's id of the file: a retried upload with the same id is the same evidence.
  client_id      text NOT NULL,
  unit_id        bigint NOT NULL REFERENCES units(id),
  period_id      bigint NOT NULL REFERENCES periods(id),
  -- The figure it supports, by the indicator's code in the plan of the period's year; NULL: the whole report.
  indicator_code text,
  caption        text NOT NULL DEFAULT '',
  filename       text NOT NULL DEFAULT '',
  -- The type read from the file's bytes, never its name.
  type           text NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size           bigint NOT NULL CHECK (size > 0),
  width          int,
  height         int,
  sha256         text NOT NULL,
  storage_key    text NOT NULL,
  thumb_key      text,
  uploaded_by    bigint REFERENCES users(id),
  device_id      text,
  uploaded_at    timestamptz NOT NULL,
  deleted        boolean NOT NULL DEFAULT false,
  deleted_at     timestamptz,
  version        bigint NOT NULL,
  UNIQUE (commune_id, client_id)
);
CREATE INDEX evidence_version ON evidence (commune_id, version);
CREATE INDEX evidence_unit_version ON evidence (unit_id, version);
CREATE INDEX evidence_report ON evidence (unit_id, period_id) WHERE NOT deleted;

ALTER TABLE audit DROP CONSTRAINT audit_entity_check;
ALTER TABLE audit ADD CONSTRAINT audit_entity_check
  CHECK (entity IN ('value', 'report', 'period', 'plan', 'unit', 'user', 'commune', 'province', 'registration', 'evidence'));
