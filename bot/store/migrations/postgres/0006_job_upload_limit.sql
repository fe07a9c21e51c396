-- Issue 12 (sharding): the guild's upload limit in bytes (from its boost tier), stored when the job is admitted
-- by the process holding the guild's shard, so any process can deliver it with the real limit. NULL: not known
-- (a private job, or a row from before this migration).
ALTER TABLE jobs ADD COLUMN upload_limit BIGINT
