-- Issue 12: progress edits of a job's card are throttled in the row, not in one process's memory: whichever
-- process works the job next sees when the card was last edited (one edit per CARD_EDIT_INTERVAL in all).
ALTER TABLE jobs ADD COLUMN card_edited_at REAL
