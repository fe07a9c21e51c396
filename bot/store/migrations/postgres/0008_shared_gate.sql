-- Issue 12: the API key's budget, a 429's Retry-After and the 401/402 pause, shared by every process on this
-- database (one row, see bot/worker/shared_gate.py).
CREATE TABLE api_gate (
    name         TEXT PRIMARY KEY,
    tat          DOUBLE PRECISION NOT NULL DEFAULT 0,
    paused_until DOUBLE PRECISION NOT NULL DEFAULT 0,
    paused_by    TEXT,
    pause_detail TEXT    NOT NULL DEFAULT '',
    probe_at     DOUBLE PRECISION NOT NULL DEFAULT 0,
    level        INTEGER NOT NULL DEFAULT 0,
    updated_at   DOUBLE PRECISION NOT NULL DEFAULT 0
);
INSERT INTO api_gate (name) VALUES ('api');

-- Chores one process does for all (the janitor of the shared data folder): whose turn it is, until when.
CREATE TABLE turns (
    name  TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    until DOUBLE PRECISION NOT NULL
);


-- Wake-ups across processes: when a job becomes claimable (inserted unclaimed, released, made due sooner),
-- every process LISTENing on videobot_due_<schema> hears its due time and re-plans its next tick.
CREATE FUNCTION videobot_notify_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('videobot_due_' || current_schema(), NEW.next_poll_at::text);
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_due_insert AFTER INSERT ON jobs FOR EACH ROW
    WHEN (NEW.next_poll_at IS NOT NULL AND NEW.claimed_by IS NULL)
    EXECUTE FUNCTION videobot_notify_due();
CREATE TRIGGER jobs_due_update AFTER UPDATE ON jobs FOR EACH ROW
    WHEN (NEW.next_poll_at IS NOT NULL AND NEW.claimed_by IS NULL AND (
        OLD.claimed_by IS NOT NULL OR OLD.next_poll_at IS NULL OR NEW.next_poll_at < OLD.next_poll_at))
    EXECUTE FUNCTION videobot_notify_due();
