-- Glance v2 images. Bytes live in Swift (container/object named by the image id), never here.
CREATE TABLE images (
    id               TEXT PRIMARY KEY,
    name             TEXT,
    status           TEXT NOT NULL,
    visibility       TEXT NOT NULL,
    protected        BOOLEAN NOT NULL DEFAULT FALSE,
    os_hidden        BOOLEAN NOT NULL DEFAULT FALSE,
    owner            TEXT,
    checksum         TEXT,
    os_hash_algo     TEXT,
    os_hash_value    TEXT,
    size             BIGINT,
    virtual_size     BIGINT,
    container_format TEXT,
    disk_format      TEXT,
    min_ram          INTEGER NOT NULL DEFAULT 0,
    min_disk         INTEGER NOT NULL DEFAULT 0,
    -- 'object': one object named by the id; 'dlo': segments <id>-00001... plus a DLO manifest; NULL: no data
    store_layout     TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE INDEX images_owner ON images (owner);

CREATE TABLE image_properties (
    image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (image_id, name)
);

CREATE TABLE image_tags (
    image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (image_id, tag)
);
