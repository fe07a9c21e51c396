-- Job engine v2: durable claims (owner + lease), effects recorded before they are made, idempotency keys.
ALTER TABLE jobs ADD COLUMN claimed_by TEXT;
ALTER TABLE jobs ADD COLUMN lease_until DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN step_errors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN idempotency_key TEXT;
ALTER TABLE jobs ADD COLUMN card_nonce TEXT;
ALTER TABLE jobs ADD COLUMN result_started_at DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN ping_nonce TEXT;
ALTER TABLE jobs ADD COLUMN ping_started_at DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN ended_by BIGINT;
ALTER TABLE jobs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_claimed ON jobs (claimed_by) WHERE claimed_by IS NOT NULL;
UPDATE jobs SET ping_started_at = updated_at, ping_message_id = NULL WHERE ping_message_id = 0;
-- One random id per database: nonces derived from it never repeat across databases.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('install_id', md5(random()::text || clock_timestamp()::text))
