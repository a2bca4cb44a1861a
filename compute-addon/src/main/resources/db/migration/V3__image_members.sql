-- Glance image members: projects an image with visibility 'shared' is shared with, and their answer.
CREATE TABLE image_members (
    image_id   TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (image_id, member_id)
);

CREATE INDEX image_members_member ON image_members (member_id);
