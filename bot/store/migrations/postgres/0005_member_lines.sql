-- Issue 13: a member over their concurrent limit waits in their own line (an ACCEPTED job with in_line = 1,
-- not due) instead of being refused, and `unline` makes the oldest due when the member has a free slot.
ALTER TABLE jobs ADD COLUMN in_line INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_in_line ON jobs (user_id, id) WHERE in_line = 1;
ALTER TABLE guild_settings ADD COLUMN user_queue_limit INTEGER;
