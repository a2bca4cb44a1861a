-- Keystone v3 subset. Same SQL on SQLite and PostgreSQL: TEXT ids (uuid hex), BIGINT epoch milliseconds.
CREATE TABLE domains (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    enabled     BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    domain_id   TEXT NOT NULL REFERENCES domains (id),
    description TEXT NOT NULL DEFAULT '',
    enabled     BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (domain_id, name)
);

CREATE TABLE users (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    domain_id          TEXT NOT NULL REFERENCES domains (id),
    password_hash      TEXT,
    enabled            BOOLEAN NOT NULL DEFAULT TRUE,
    default_project_id TEXT,
    description        TEXT NOT NULL DEFAULT '',
    email              TEXT,
    UNIQUE (domain_id, name)
);

CREATE TABLE roles (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- one row per (user, role, scope); scope_type 'project' or 'domain'
CREATE TABLE role_assignments (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id    TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    scope_type TEXT NOT NULL,
    scope_id   TEXT NOT NULL,
    PRIMARY KEY (user_id, role_id, scope_type, scope_id)
);

-- the deny list: a revoked token's audit id until the token would have expired anyway
CREATE TABLE revoked_tokens (
    audit_id   TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
