-- The province deployment (issue 10): provinces own communes; a commune has the official
-- administrative code and may be merged into another (its history stays under its own name);
-- province accounts; accounts without a password yet, enrolled through a one-time link.

CREATE TABLE provinces (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  admin_code  text UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Communes loaded before this migration name their province as text: one province per name.
INSERT INTO provinces (code, name)
SELECT DISTINCT ON (province)
       'p-' || substr(md5(province), 1, 8), province
  FROM communes
 ORDER BY province;

ALTER TABLE communes ADD COLUMN province_id bigint REFERENCES provinces(id);
UPDATE communes c SET province_id = p.id FROM provinces p WHERE p.name = c.province;
ALTER TABLE communes ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE communes DROP COLUMN province;
-- Districts were abolished on 1 July 2025: only communes of older plans name one.
ALTER TABLE communes ALTER COLUMN district DROP NOT NULL;
ALTER TABLE communes ADD COLUMN admin_code text UNIQUE;
ALTER TABLE communes ADD COLUMN merged_into bigint REFERENCES communes(id);
ALTER TABLE communes ADD COLUMN merged_at timestamptz;
ALTER TABLE communes ADD CONSTRAINT communes_kind CHECK (kind IN ('xa', 'phuong', 'dac_khu', 'thi_tran'));
ALTER TABLE communes ADD CONSTRAINT communes_not_self_merged CHECK (merged_into IS NULL OR merged_into <> id);
CREATE INDEX communes_province ON communes (province_id);

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users DROP CONSTRAINT users_check;
ALTER TABLE users ADD COLUMN province_id bigint REFERENCES provinces(id);
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('reporter', 'officer', 'leader', 'admin', 'province_admin', 'province_viewer'));
ALTER TABLE users ADD CONSTRAINT users_scope CHECK (
  CASE
    WHEN role = 'admin' THEN commune_id IS NULL AND province_id IS NULL
    WHEN role IN ('province_admin', 'province_viewer') THEN commune_id IS NULL AND province_id IS NOT NULL
    ELSE commune_id IS NOT NULL AND province_id IS NULL
  END
);
-- NULL until the owner sets it through an enrolment link: no password is ever known to anyone else.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
-- Accounts written from the demo files, whose published password is known to everybody: a
-- production start refuses to run while any is active.
ALTER TABLE users ADD COLUMN demo boolean NOT NULL DEFAULT false;
CREATE INDEX users_province ON users (province_id);

-- One-time links that sign their owner in and set a password (a village head's printed slip,
-- the first administrator's link). Only a hash of the token is kept.
CREATE TABLE enrolments (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('enrol', 'password')),
  created_by  bigint REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  -- A newer link for the same account replaces this one.
  revoked_at  timestamptz
);
CREATE INDEX enrolments_user ON enrolments (user_id);

-- Province-level actions (a commune created or merged, a province account) are audited too.
ALTER TABLE audit ALTER COLUMN commune_id DROP NOT NULL;
ALTER TABLE audit ADD COLUMN province_id bigint REFERENCES provinces(id);
ALTER TABLE audit DROP CONSTRAINT audit_entity_check;
ALTER TABLE audit ADD CONSTRAINT audit_entity_check
  CHECK (entity IN ('value', 'report', 'period', 'plan', 'unit', 'user', 'commune', 'province'));
