-- Push callbacks that named a task no job had yet: the API may call back for a very fast task before the
-- submit's answer (its task id) is stored. Such a callback is kept here for a few minutes, for every process,
-- and the submit that stores that id polls at once. Bounded by age and count (bot/store/callbacks.py).
CREATE TABLE early_callbacks (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL UNIQUE,
    seen_at REAL NOT NULL
)
