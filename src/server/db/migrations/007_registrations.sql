-- Issue 15, item 1: registration for emulation titles (đăng ký thi đua). Three things, each
-- versioned like every row a phone pulls (stamped with the commune version of its write):
--   registration_titles    the commune's list of titles, data the officer edits (a commune with
--                          no rows uses the defaults of shared/registration.ts: the first edit
--                          writes the whole list);
--   registration_settings  a year's deadline and who may still register after it;
--   registrations          a unit's registration of a year, with the lifecycle of a report.
CREATE TABLE registration_titles (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id  bigint NOT NULL REFERENCES communes(id),
  code        text NOT NULL,
  name        text NOT NULL,
  scope       text NOT NULL CHECK (scope IN ('individual', 'household', 'collective')),
  unit_kinds  jsonb NOT NULL DEFAULT '[]',
  active      boolean NOT NULL DEFAULT true,
  position    int NOT NULL,
  version     bigint NOT NULL,
  UNIQUE (commune_id, code)
);
CREATE INDEX registration_titles_version ON registration_titles (commune_id, version);

CREATE TABLE registration_settings (
  commune_id       bigint NOT NULL REFERENCES communes(id),
  year             int NOT NULL,
  deadline         date,
  allow_late       boolean NOT NULL DEFAULT false,
  allow_late_units jsonb NOT NULL DEFAULT '[]',
  version          bigint NOT NULL,
  PRIMARY KEY (commune_id, year)
);
CREATE INDEX registration_settings_version ON registration_settings (commune_id, version);

CREATE TABLE registrations (
  commune_id    bigint NOT NULL REFERENCES communes(id),
  unit_id       bigint NOT NULL REFERENCES units(id),
  year          int NOT NULL,
  status        text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  -- {collective: [code], people: [{name, position, title}], pledges}
  content       jsonb NOT NULL,
  return_reason text,
  submitted_at  timestamptz,
  decided_at    timestamptz,
  decided_by    bigint REFERENCES users(id),
  updated_by    bigint REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL,
  PRIMARY KEY (unit_id, year)
);
CREATE INDEX registrations_version ON registrations (commune_id, version);
CREATE INDEX registrations_unit_version ON registrations (unit_id, version);

ALTER TABLE audit DROP CONSTRAINT audit_entity_check;
ALTER TABLE audit ADD CONSTRAINT audit_entity_check
  CHECK (entity IN ('value', 'report', 'period', 'plan', 'unit', 'user', 'commune', 'province', 'registration'));
