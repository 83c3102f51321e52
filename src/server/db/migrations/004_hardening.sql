-- Issue 11 hardening.

-- A backup file imported by an officer is applied with the rights of the file's own user, and
-- audited under that user; the officer who uploaded it is named beside them.
ALTER TABLE audit ADD COLUMN imported_by bigint REFERENCES users(id);
ALTER TABLE mutations ADD COLUMN imported_by bigint REFERENCES users(id);

-- Sign-in throttling per (username, client address): one row per pair, taken with a row lock
-- before the password is checked, so parallel attempts are counted one after another. After
-- a run of failures the pair is refused until `blocked_until`, for longer each time.
CREATE TABLE login_throttle (
  username      text NOT NULL,
  ip            text NOT NULL,
  failures      int NOT NULL DEFAULT 0,
  blocks        int NOT NULL DEFAULT 0,
  blocked_until timestamptz,
  last_at       timestamptz NOT NULL,
  PRIMARY KEY (username, ip)
);
CREATE INDEX login_throttle_last ON login_throttle (last_at);

-- Request budgets held in the database so they hold across instances: one row per (bucket,
-- key, window start), counted with an atomic upsert.
CREATE TABLE rate_limits (
  bucket       text NOT NULL,
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  hits         int NOT NULL,
  PRIMARY KEY (bucket, key, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);

-- Replaced by login_throttle.
DROP TABLE login_failures;
