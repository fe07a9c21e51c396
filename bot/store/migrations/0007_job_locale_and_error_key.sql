-- Issue 14: a job keeps the locale its public card is shown in (the server's, or the member's for a private
-- job), and its ending as a message id with JSON arguments, so the card renders in any language. Rows from
-- before keep their rendered English `error`, which is still shown.
ALTER TABLE jobs ADD COLUMN locale TEXT;
ALTER TABLE jobs ADD COLUMN error_key TEXT;
ALTER TABLE jobs ADD COLUMN error_args TEXT;
