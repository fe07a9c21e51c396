-- Issue 12: the API key's budget, a 429's Retry-After and the 401/402 pause, shared by every process on this
-- database (one row, see bot/worker/shared_gate.py). A single process keeps them in memory and ignores it.
CREATE TABLE api_gate (
    name         TEXT PRIMARY KEY,
    tat          REAL    NOT NULL DEFAULT 0,
    paused_until REAL    NOT NULL DEFAULT 0,
    paused_by    TEXT,
    pause_detail TEXT    NOT NULL DEFAULT '',
    probe_at     REAL    NOT NULL DEFAULT 0,
    level        INTEGER NOT NULL DEFAULT 0,
    updated_at   REAL    NOT NULL DEFAULT 0
);
INSERT INTO api_gate (name) VALUES ('api');

-- Chores one process does for all (the janitor of the shared data folder): whose turn it is, until when.
CREATE TABLE turns (
    name  TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    until REAL NOT NULL
)
