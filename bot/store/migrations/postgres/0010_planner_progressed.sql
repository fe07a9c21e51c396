-- Issue 11: whether a finished job reported progress before it finished (1) or never did (0), NULL for the
-- rows from before. The planner learns the API's bias apart for each (bot/jobs/learning.py).
ALTER TABLE planner_observations ADD COLUMN progressed INTEGER
