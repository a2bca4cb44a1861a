package io.cairn.object.ssync;

import io.cairn.common.io.DeviceExecutors;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Runs blocking storage calls of one SSYNC session on its device's executor and waits for them, so the
 * device's bounded queue limits replication as it limits client requests.
 *
 * <p>Thread-safety: immutable; called from the session's thread.
 */
final class DeviceCalls {
    private final DeviceExecutors executors;
    private final String device;

    DeviceCalls(DeviceExecutors executors, String device) {
        this.executors = executors;
        this.device = device;
    }

    <T> T call(Callable<T> task) throws IOException {
        try {
            return executors.submit(device, task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for device " + device, e);
        } catch (CancellationException e) {
            throw new IOException("device " + device + " task cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause == null ? "device task failed" : cause.toString(), cause);
        }
    }
}
