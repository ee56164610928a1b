-- Brute-force throttling of sign-in, per client address and per account email.
-- Keys are 'ip:<address>' or 'email:<sha-256 of the lower-cased email>': the email is hashed so
-- the table holds no address book, and unknown emails are throttled exactly like known ones, so
-- the throttle cannot be used to learn which accounts exist.
CREATE TABLE crm.auth_throttle (
    throttle_key    VARCHAR(100) NOT NULL,
    failures        INTEGER      NOT NULL DEFAULT 0,
    last_failure_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    CONSTRAINT pk_auth_throttle PRIMARY KEY (throttle_key),
    CONSTRAINT ck_auth_throttle_failures CHECK (failures >= 0)
);
CREATE INDEX idx_auth_throttle_last_failure_at ON crm.auth_throttle (last_failure_at);

INSERT INTO crm.schema_versions (version, description)
VALUES (4, 'identity: sign-in throttling')
ON CONFLICT (version) DO NOTHING;
