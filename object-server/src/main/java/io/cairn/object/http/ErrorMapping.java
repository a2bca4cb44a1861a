package io.cairn.object.http;

import io.cairn.common.io.DeviceBusyException;
import io.cairn.object.diskfile.DiskFileCollision;
import io.cairn.object.diskfile.DiskFileDeviceUnavailable;
import io.cairn.object.diskfile.DiskFileEtagMismatch;
import io.cairn.object.diskfile.DiskFileNoSpace;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileSizeMismatch;
import io.cairn.object.diskfile.DiskFileXattrTooLarge;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one table from storage and executor errors to Swift statuses (STYLE habit 9). Operations handle
 * the "not found" family themselves where Swift's semantics depend on the verb (409/404 with
 * timestamps); everything else lands here.
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {}

    /** The rejection for {@code failure} on {@code device}; unexpected errors are logged with {@code what}. */
    public static RequestRejectedException toRejection(Throwable failure, String device, String what) {
        Throwable t = unwrap(failure);
        if (t instanceof RequestRejectedException r) {
            return r;
        }
        if (t instanceof DeviceBusyException) {
            return new RequestRejectedException(SwiftStatus.SERVICE_UNAVAILABLE);
        }
        if (t instanceof DiskFileDeviceUnavailable || t instanceof DiskFileNoSpace) {
            return new RequestRejectedException(SwiftStatus.INSUFFICIENT_STORAGE);
        }
        if (t instanceof DiskFileXattrTooLarge) {
            // Swift answers 507 (ENOSPC on setxattr), but one object's metadata must not error-limit the
            // whole device in the proxy; nothing was written, the body says why
            return new RequestRejectedException(SwiftStatus.BAD_REQUEST, t.getMessage());
        }
        if (t instanceof DiskFileCollision) {
            return new RequestRejectedException(SwiftStatus.FORBIDDEN);
        }
        if (t instanceof DiskFileNotExist || t instanceof DiskFileQuarantined) {
            return new RequestRejectedException(SwiftStatus.NOT_FOUND);
        }
        if (t instanceof DiskFileSizeMismatch) {
            return new RequestRejectedException(SwiftStatus.CLIENT_DISCONNECT);
        }
        if (t instanceof DiskFileEtagMismatch) {
            return new RequestRejectedException(SwiftStatus.UNPROCESSABLE_ENTITY);
        }
        LOG.log(Level.ERROR, "ERROR __call__ error with " + what + " on device " + device, t);
        return new RequestRejectedException(SwiftStatus.INTERNAL_ERROR);
    }

    /** The cause behind future wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
