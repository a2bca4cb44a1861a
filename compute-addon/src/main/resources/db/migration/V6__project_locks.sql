-- One row per project, updated at the start of any transaction that checks a quota and then uses it (server
-- creation): on PostgreSQL (READ COMMITTED) the row lock makes concurrent creations in one project take turns, so
-- their usage reads and inserts cannot interleave past the quota. SQLite transactions are IMMEDIATE (one writer at
-- a time) already.
CREATE TABLE project_locks (
    project_id TEXT PRIMARY KEY,
    version    BIGINT NOT NULL
);
