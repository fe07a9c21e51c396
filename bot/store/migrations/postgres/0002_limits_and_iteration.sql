-- Spend control: what each job counts against limits, per-server settings, bans.
ALTER TABLE jobs ADD COLUMN charged INTEGER NOT NULL DEFAULT 1;
ALTER TABLE jobs ADD COLUMN credits DOUBLE PRECISION NOT NULL DEFAULT 0;
-- Iteration: where a job came from (remix / retry / animate) and private (DM) delivery.
ALTER TABLE jobs ADD COLUMN source_job_id BIGINT REFERENCES jobs(id);
ALTER TABLE jobs ADD COLUMN credit_user_id BIGINT;
ALTER TABLE jobs ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_status ON jobs (status);
CREATE INDEX jobs_created ON jobs (created_at);

CREATE TABLE guild_settings (
    guild_id              BIGINT PRIMARY KEY,
    user_daily_limit      INTEGER,
    user_concurrent_limit INTEGER,
    guild_daily_limit     INTEGER,
    cooldown_seconds      DOUBLE PRECISION,
    allowed_channels      TEXT    NOT NULL DEFAULT '[]',
    allowed_roles         TEXT    NOT NULL DEFAULT '[]',
    paused                INTEGER NOT NULL DEFAULT 0,
    requester_only        INTEGER NOT NULL DEFAULT 0,
    updated_at            DOUBLE PRECISION
);

CREATE TABLE bans (
    guild_id   BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    banned_by  BIGINT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
