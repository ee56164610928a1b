-- Sign-in hardening (issue "Hardening", items 3 and 4).
--
-- Refresh-token families (RFC 9700 §4.14): every refresh token of a session carries the same random
-- 128-bit family part, and the session keeps the SHA-256 of it. A presented token of the family that
-- is neither the current one nor a retry of the previous one within the grace window is a replay of an
-- earlier token of the session, however old: the session is revoked. Only the hash is stored, and only a
-- holder of some token of the family knows the family part, so nobody else can trigger the revocation.
-- Sessions opened before this migration have no family (NULL) and keep the current/previous check.
ALTER TABLE crm.user_sessions
    ADD COLUMN refresh_token_family VARCHAR(64),
    -- The pair issued at the last rotation, AES-GCM-encrypted under a key derived (HMAC-SHA256) from the
    -- refresh token that was rotated, of which only the SHA-256 is stored: a client that lost the response
    -- and retries within the grace window gets the same pair back, and nothing new is minted. A reader of
    -- the database cannot decrypt it. Cleared when the session is revoked, replaced at every rotation.
    ADD COLUMN refresh_retry_pair TEXT;
CREATE INDEX idx_user_sessions_refresh_token_family ON crm.user_sessions (refresh_token_family)
    WHERE refresh_token_family IS NOT NULL;
COMMENT ON COLUMN crm.user_sessions.refresh_token_family IS
    'SHA-256 of the family part shared by every refresh token of the session (reuse detection).';
COMMENT ON COLUMN crm.user_sessions.refresh_retry_pair IS
    'Last issued token pair, encrypted with a key only the holder of the rotated refresh token can derive.';

-- crm.auth_throttle now also holds 2fa:<hash> (second-factor guesses of a user in an organization, never
-- cleared by a password success) and reset:<hash> (password reset requests per email) keys, and attempts
-- are counted before they are verified. No schema change is needed for that; the comment records it.
COMMENT ON TABLE crm.auth_throttle IS
    'Attempts of guessable checks, counted before verification: email:, ip: (canonical; IPv6 by /64), 2fa:, reset: keys.';

INSERT INTO crm.schema_versions (version, description)
VALUES (8, 'sign-in hardening: refresh token families, retry pair')
ON CONFLICT (version) DO NOTHING;
