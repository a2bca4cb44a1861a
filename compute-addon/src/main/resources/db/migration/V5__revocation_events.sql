-- Keystone's revocation events beyond single tokens (revoked_tokens): every token of a user (project_id NULL: any
-- scope), of a project (user_id NULL: any user) or of a user on a project, issued at or before issued_before (epoch
-- ms), is revoked: a user disabled, deleted or given a new password, a project disabled or deleted, a role assignment
-- removed. expires_at: when every token so revoked has expired anyway (the event can go).
CREATE TABLE revocation_events (
    user_id       TEXT,
    project_id    TEXT,
    issued_before BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX revocation_events_expires ON revocation_events (expires_at);
