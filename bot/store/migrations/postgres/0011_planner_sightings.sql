-- Issue 11: when a poll first saw each progress level of a finished job, as JSON [[level, seconds], ...]
-- (bot.jobs.schedule.sightings), NULL for the rows from before. The planner learns what the API's progress
-- means from them (bot/jobs/learning.py).
ALTER TABLE planner_observations ADD COLUMN sightings TEXT
