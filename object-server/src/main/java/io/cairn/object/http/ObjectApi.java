package io.cairn.object.http;

import io.cairn.common.io.DeviceExecutors;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.ssync.SsyncReceiver;
import io.cairn.object.update.ContainerUpdater;
import java.util.concurrent.Executor;

/**
 * The collaborators every operation uses: storage, the per-device executors that run all blocking disk
 * work, the container updater and the settings.
 *
 * @param diskFiles the storage layer (called only from {@code executors})
 * @param executors one bounded pool per device; a full queue answers 503 for that device
 * @param updater sends container updates after PUT/POST/DELETE
 * @param settings validated configuration
 * @param ssync the SSYNC receiver (its sessions block: they run on {@code ssyncThreads})
 * @param ssyncThreads runs SSYNC sessions, never on an event loop
 */
public record ObjectApi(
        DiskFileManager diskFiles,
        DeviceExecutors executors,
        ContainerUpdater updater,
        ObjectApiSettings settings,
        SsyncReceiver ssync,
        Executor ssyncThreads) {}
