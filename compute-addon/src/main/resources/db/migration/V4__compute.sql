-- Nova v2.1 subset. Same SQL on SQLite and PostgreSQL: TEXT ids, BIGINT epoch milliseconds, integer ids computed
-- by the code (MAX + 1 inside the inserting transaction) where Nova shows integers.
CREATE TABLE flavors (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    ram         INTEGER NOT NULL,
    vcpus       INTEGER NOT NULL,
    disk        INTEGER NOT NULL,
    ephemeral   INTEGER NOT NULL DEFAULT 0,
    swap        INTEGER NOT NULL DEFAULT 0,
    rxtx_factor DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    is_public   BOOLEAN NOT NULL DEFAULT TRUE,
    disabled    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  BIGINT NOT NULL
);

CREATE TABLE flavor_extra_specs (
    flavor_id TEXT NOT NULL REFERENCES flavors (id) ON DELETE CASCADE,
    spec_key  TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (flavor_id, spec_key)
);

CREATE TABLE flavor_projects (
    flavor_id  TEXT NOT NULL REFERENCES flavors (id) ON DELETE CASCADE,
    project_id TEXT NOT NULL,
    PRIMARY KEY (flavor_id, project_id)
);

-- Nova's default flavors (nova-manage's historical set)
INSERT INTO flavors (id, name, ram, vcpus, disk, created_at) VALUES ('1', 'm1.tiny', 512, 1, 1, 0);
INSERT INTO flavors (id, name, ram, vcpus, disk, created_at) VALUES ('2', 'm1.small', 2048, 1, 20, 0);
INSERT INTO flavors (id, name, ram, vcpus, disk, created_at) VALUES ('3', 'm1.medium', 4096, 2, 40, 0);
INSERT INTO flavors (id, name, ram, vcpus, disk, created_at) VALUES ('4', 'm1.large', 8192, 4, 80, 0);
INSERT INTO flavors (id, name, ram, vcpus, disk, created_at) VALUES ('5', 'm1.xlarge', 16384, 8, 160, 0);

-- one row per compute agent (Nova's service + compute node): what it has and when it last reported
CREATE TABLE compute_hosts (
    host               TEXT PRIMARY KEY,
    id                 INTEGER NOT NULL UNIQUE,
    hypervisor_type    TEXT NOT NULL,
    hypervisor_version BIGINT NOT NULL,
    availability_zone  TEXT NOT NULL,
    vcpus              INTEGER NOT NULL,
    memory_mb          INTEGER NOT NULL,
    local_gb           INTEGER NOT NULL,
    cpu_info           TEXT NOT NULL,
    host_ip            TEXT NOT NULL,
    disabled           BOOLEAN NOT NULL DEFAULT FALSE,
    disabled_reason    TEXT,
    heartbeat_at       BIGINT NOT NULL,
    created_at         BIGINT NOT NULL
);

CREATE TABLE servers (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    project_id        TEXT NOT NULL,
    user_id           TEXT NOT NULL,
    image_id          TEXT NOT NULL,
    flavor_id         TEXT NOT NULL,
    flavor_ram        INTEGER NOT NULL,
    flavor_vcpus      INTEGER NOT NULL,
    flavor_disk       INTEGER NOT NULL,
    vm_state          TEXT NOT NULL,
    task_state        TEXT,
    power_state       INTEGER NOT NULL DEFAULT 0,
    host              TEXT,
    availability_zone TEXT,
    key_name          TEXT,
    key_data          TEXT,
    user_data         TEXT,
    access_ipv4       TEXT NOT NULL DEFAULT '',
    access_ipv6       TEXT NOT NULL DEFAULT '',
    description       TEXT,
    disk_config       TEXT NOT NULL DEFAULT 'MANUAL',
    locked            BOOLEAN NOT NULL DEFAULT FALSE,
    reservation_id    TEXT NOT NULL,
    launch_index      INTEGER NOT NULL DEFAULT 0,
    networks          TEXT,
    fault_code        INTEGER,
    fault_message     TEXT,
    fault_details     TEXT,
    fault_at          BIGINT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    launched_at       BIGINT,
    terminated_at     BIGINT,
    deleted           BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX servers_project ON servers (project_id, deleted);
CREATE INDEX servers_host ON servers (host, deleted);

CREATE TABLE server_metadata (
    server_id TEXT NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
    meta_key  TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (server_id, meta_key)
);

CREATE TABLE keypairs (
    user_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    id          INTEGER NOT NULL UNIQUE,
    public_key  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    key_type    TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, name)
);

-- per-project overrides of the configured defaults
CREATE TABLE quotas (
    project_id  TEXT NOT NULL,
    resource    TEXT NOT NULL,
    hard_limit  INTEGER NOT NULL,
    PRIMARY KEY (project_id, resource)
);

CREATE TABLE instance_actions (
    server_id  TEXT NOT NULL,
    request_id TEXT NOT NULL,
    action     TEXT NOT NULL,
    project_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    message    TEXT,
    start_time BIGINT NOT NULL,
    PRIMARY KEY (server_id, request_id)
);

CREATE TABLE instance_action_events (
    server_id   TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    event       TEXT NOT NULL,
    start_time  BIGINT NOT NULL,
    finish_time BIGINT,
    result      TEXT,
    traceback   TEXT,
    PRIMARY KEY (server_id, request_id, event)
);
