package io.cairn.object.diskfile.memory;

import io.cairn.object.metadata.ObjectMetadata;

/** One file of a hash directory in memory: metadata and body. Immutable (the body is never modified). */
final class MemoryFile {
    private final ObjectMetadata metadata;
    private final byte[] body;

    MemoryFile(ObjectMetadata metadata, byte[] body) {
        this.metadata = metadata;
        this.body = body;
    }

    ObjectMetadata metadata() {
        return metadata;
    }

    /** The body; callers never modify it. */
    byte[] body() {
        return body;
    }
}
