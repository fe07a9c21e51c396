-- Jobs: everything needed to resume, deliver or extend a job lives in its row.
CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    status           TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    guild_id         INTEGER,
    channel_id       INTEGER NOT NULL,
    user_id          INTEGER NOT NULL,
    user_name        TEXT    NOT NULL DEFAULT '',
    prompt           TEXT    NOT NULL DEFAULT '',
    aspect_ratio     TEXT    NOT NULL DEFAULT '16:9',
    refs             TEXT    NOT NULL DEFAULT '[]',
    parent_job_id    INTEGER REFERENCES jobs(id),
    parent_task_id   TEXT,
    task_id          TEXT UNIQUE,
    card_message_id  INTEGER,
    ping_message_id  INTEGER,
    created_at       REAL    NOT NULL,
    updated_at       REAL    NOT NULL,
    submitted_at     REAL,
    finished_at      REAL,
    next_poll_at     REAL,
    deadline_at      REAL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    polls            INTEGER NOT NULL DEFAULT 0,
    progress         INTEGER,
    estimated_time   REAL,
    progress_log     TEXT    NOT NULL DEFAULT '[]',
    video_url        TEXT,
    video_expires_at REAL,
    delivered_as     TEXT,
    credits_cost     REAL,
    error            TEXT,
    last_error       TEXT,
    announced        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX jobs_due ON jobs (next_poll_at) WHERE next_poll_at IS NOT NULL;
CREATE INDEX jobs_user ON jobs (user_id, created_at);
CREATE INDEX jobs_guild ON jobs (guild_id, created_at);
