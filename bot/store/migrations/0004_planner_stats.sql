-- Poll planner v2: the API's track record (estimated vs actual duration of finished jobs), learned from and
-- kept across restarts. Only the most recent rows are kept (the store prunes on insert).
CREATE TABLE planner_observations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    estimated REAL,
    actual REAL NOT NULL,
    observed_at REAL NOT NULL
);
