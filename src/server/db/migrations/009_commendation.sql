-- Issue 15, items 3–4: evaluation and commendation (bình xét, khen thưởng) and the achievement
-- records (hồ sơ thành tích). Officer data only (no phone pulls it), audited (entity 'commendation'):
--   commendation_criteria  a title's criteria, when the commune changed the defaults of
--                          shared/commendation.ts (one row per title code);
--   award_decisions        a decision awarding the approved lines of a year (số, ngày, người ký),
--                          its number unique in the commune;
--   commendations          the council's evaluation of one registered line of a year: a unit's
--                          collective title (person_key '') or a person's or household's title
--                          (person_key: the name folded as shared/registration.ts personKey),
--                          its decision, and the award decision that awarded it.
CREATE TABLE commendation_criteria (
  commune_id bigint NOT NULL REFERENCES communes(id),
  title      text NOT NULL,
  criteria   jsonb NOT NULL,
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_id, title)
);

CREATE TABLE award_decisions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id   bigint NOT NULL REFERENCES communes(id),
  year         int NOT NULL,
  number       text NOT NULL,
  -- The number folded for comparison (shared/commendation.ts decisionKey).
  number_key   text NOT NULL,
  signed_on    date NOT NULL,
  signer       text NOT NULL,
  signer_title text NOT NULL CHECK (signer_title IN ('chu_tich', 'pho_chu_tich')),
  created_by   bigint REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (commune_id, number_key)
);
CREATE INDEX award_decisions_year ON award_decisions (commune_id, year);

CREATE TABLE commendations (
  commune_id        bigint NOT NULL REFERENCES communes(id),
  year              int NOT NULL,
  unit_id           bigint NOT NULL REFERENCES units(id),
  title             text NOT NULL,
  person_key        text NOT NULL DEFAULT '',
  person_name       text,
  council_met       boolean,
  decision          text CHECK (decision IN ('approved', 'not_approved', 'proposed_upward')),
  award             text,
  note              text NOT NULL DEFAULT '',
  award_decision_id bigint REFERENCES award_decisions(id),
  updated_by        bigint REFERENCES users(id),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_id, year, unit_id, title, person_key)
);
CREATE INDEX commendations_person ON commendations (commune_id, person_key) WHERE person_key <> '';
CREATE INDEX commendations_decision ON commendations (award_decision_id);

-- A registration's first sending (the on-time criterion) is read from its audit rows.
CREATE INDEX audit_registration_sent ON audit (unit_id, at) WHERE entity = 'registration';

ALTER TABLE audit DROP CONSTRAINT audit_entity_check;
ALTER TABLE audit ADD CONSTRAINT audit_entity_check
  CHECK (entity IN ('value', 'report', 'period', 'plan', 'unit', 'user', 'commune', 'province', 'registration', 'evidence', 'commendation'));
