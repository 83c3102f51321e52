-- Communes, people, plans, reporting and sync. Every row that a client pulls carries `version`:
-- the commune's version counter at the transaction that last wrote it (docs/sync.md).

CREATE TABLE communes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL,
  district    text NOT NULL,
  province    text NOT NULL,
  -- Incremented by every write transaction of the commune; its row lock orders those writes.
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id  bigint NOT NULL REFERENCES communes(id),
  code        text NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL,
  parent_code text,
  active      boolean NOT NULL DEFAULT true,
  version     bigint NOT NULL,
  UNIQUE (commune_id, code)
);
CREATE INDEX units_version ON units (commune_id, version);

CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id    bigint REFERENCES communes(id),
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('reporter', 'officer', 'leader', 'admin')),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'admin' OR commune_id IS NOT NULL)
);

CREATE TABLE user_units (
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id bigint NOT NULL REFERENCES units(id),
  PRIMARY KEY (user_id, unit_id)
);

CREATE TABLE sessions (
  -- sha256 of the cookie token: a leaked table does not leak sessions.
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device_id    text NOT NULL,
  user_agent   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  last_sync_at timestamptz,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username   text NOT NULL,
  ip         text,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_user ON login_failures (username, at);

CREATE TABLE plans (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id  bigint NOT NULL REFERENCES communes(id),
  year        int NOT NULL,
  -- The plan's header (number, date, title, theme, movements, phases, rules) as in the plan file.
  header      jsonb NOT NULL,
  version     bigint NOT NULL,
  UNIQUE (commune_id, year)
);

CREATE TABLE fields (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id     bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  code        text NOT NULL,
  position    int NOT NULL,
  def         jsonb NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  version     bigint NOT NULL,
  UNIQUE (plan_id, code)
);

CREATE TABLE indicators (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id     bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  code        text NOT NULL,
  position    int NOT NULL,
  -- The indicator as the shared schema defines it (target, aggregation, reporters, …).
  def         jsonb NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  version     bigint NOT NULL,
  UNIQUE (plan_id, code)
);

CREATE TABLE periods (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id  bigint NOT NULL REFERENCES communes(id),
  code        text NOT NULL,
  kind        text NOT NULL,
  year        int NOT NULL,
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  deadline    date NOT NULL,
  locked      boolean NOT NULL DEFAULT false,
  lock_reason text,
  version     bigint NOT NULL,
  UNIQUE (commune_id, code)
);
CREATE INDEX periods_version ON periods (commune_id, version);

CREATE TABLE reports (
  commune_id    bigint NOT NULL REFERENCES communes(id),
  unit_id       bigint NOT NULL REFERENCES units(id),
  period_id     bigint NOT NULL REFERENCES periods(id),
  status        text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  return_reason text,
  submitted_at  timestamptz,
  decided_at    timestamptz,
  decided_by    bigint REFERENCES users(id),
  version       bigint NOT NULL,
  PRIMARY KEY (unit_id, period_id)
);
CREATE INDEX reports_version ON reports (commune_id, version);

CREATE TABLE cell_values (
  commune_id   bigint NOT NULL REFERENCES communes(id),
  unit_id      bigint NOT NULL REFERENCES units(id),
  period_id    bigint NOT NULL REFERENCES periods(id),
  indicator_id bigint NOT NULL REFERENCES indicators(id),
  -- NULL when the cell was cleared: a clear is a change that devices must pull too.
  data         jsonb,
  note         text,
  version      bigint NOT NULL,
  updated_by   bigint REFERENCES users(id),
  device_id    text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, period_id, indicator_id)
);
CREATE INDEX cell_values_version ON cell_values (commune_id, version);

-- The outcome of every mutation a device pushed, written in the same transaction as its
-- effect: a replayed push answers from here and changes nothing twice.
CREATE TABLE mutations (
  mutation_id text PRIMARY KEY,
  commune_id  bigint NOT NULL REFERENCES communes(id),
  user_id     bigint NOT NULL REFERENCES users(id),
  device_id   text NOT NULL,
  outcome     jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commune_id   bigint NOT NULL REFERENCES communes(id),
  entity       text NOT NULL CHECK (entity IN ('value', 'report', 'period', 'plan', 'unit', 'user')),
  unit_id      bigint,
  period_id    bigint,
  indicator_id bigint,
  user_id      bigint REFERENCES users(id),
  device_id    text,
  mutation_id  text,
  old          jsonb,
  new          jsonb,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_cell ON audit (unit_id, period_id, indicator_id, id);
CREATE INDEX audit_commune ON audit (commune_id, id);
