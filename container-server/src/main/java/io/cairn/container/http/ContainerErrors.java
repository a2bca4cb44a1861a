package io.cairn.container.http;

import io.cairn.common.db.DatabaseQuarantinedException;
import io.cairn.common.io.DeviceBusyException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one table from failures to Swift's responses: an early answer ({@link SwiftHttpException}) as
 * is; a full device queue 503 for that device only; a DB just quarantined and anything unexpected 500
 * (Swift's {@code __call__} answers 500 with the error text; the next request finds no DB and gets 404).
 *
 * <p>Stateless and thread-safe.
 */
final class ContainerErrors {
    private static final Logger LOG = System.getLogger(ContainerErrors.class.getName());

    private ContainerErrors() {}

    static SwiftResponse toResponse(Throwable failure, String what) {
        Throwable t = unwrap(failure);
        if (t instanceof SwiftHttpException e) {
            return e.response();
        }
        if (t instanceof DeviceBusyException) {
            return SwiftResponse.of(503);
        }
        if (t instanceof DatabaseQuarantinedException q) {
            LOG.log(Level.ERROR, "ERROR " + what + ": " + q.getMessage());
            return SwiftResponse.text(500, String.valueOf(q.getMessage()));
        }
        LOG.log(Level.ERROR, "ERROR __call__ error with " + what, t);
        return SwiftResponse.text(500, t.toString());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
