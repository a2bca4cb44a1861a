package io.cairn.object.http;

import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * What GET and HEAD share: opening the object on its device and Swift's 404 answer (with
 * {@code X-Backend-Timestamp} for tombstones and expired objects, and {@code If-Match: *} → 412).
 *
 * <p>Stateless and thread-safe.
 */
final class ReadSupport {
    private static final System.Logger LOG = System.getLogger(ReadSupport.class.getName());

    private ReadSupport() {}

    /** Opens the object; runs on the device executor. */
    static DiskFileReader open(Exchange exchange, Timestamp now) throws IOException {
        return WriteSupport.diskFile(exchange).open(now);
    }

    /** Answers an open failure: 404 family per Swift, anything else through the error table. */
    static void answerOpenFailure(Exchange exchange, Throwable failure) {
        Throwable t = ErrorMapping.unwrap(failure);
        if (!(t instanceof DiskFileNotExist) && !(t instanceof DiskFileQuarantined)) {
            exchange.fail(t);
            return;
        }
        SwiftStatus conditional = Conditionals.evaluate(exchange.request().headers(), null, -1, true);
        FullHttpResponse response;
        if (conditional != null) {
            response = Responses.status(exchange.ctx().alloc(), conditional, null, null);
            response.content().clear();
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        } else {
            response = Responses.status(exchange.ctx().alloc(), SwiftStatus.NOT_FOUND, null, null);
        }
        if (t instanceof DiskFileDeleted deleted) {
            response.headers().set("X-Backend-Timestamp", deleted.timestamp().internal());
        }
        exchange.send(response);
    }

    /** Closes a reader, logging (not throwing) a failure: the response is already decided. */
    static void closeQuietly(DiskFileReader reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not close an object reader: " + e);
        }
    }
}
