-- Issue 11: a finished job's progress log as the poller kept it, as JSON [[seconds, progress], ...] (seconds
-- since submit), NULL for the rows from before. The planner learns from them what shape this API's progress
-- takes, read as a curve (bot/jobs/curve.py).
ALTER TABLE planner_observations ADD COLUMN readings TEXT
