package io.cairn.object.diskfile;

import io.cairn.object.diskfile.memory.MemoryDiskFileManager;
import java.util.List;

/** The in-memory twin passes the same contract as the disk store. */
class MemoryDiskFileManagerTest extends DiskFileManagerContract {
    @Override
    DiskFileManager createManager(List<String> devices) {
        return new MemoryDiskFileManager(HASH_PATH, CLOCK, DiskFileConfig.DEFAULT_RECLAIM_AGE, devices);
    }
}
