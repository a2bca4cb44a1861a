package io.cairn.proxy.swift;

/**
 * Where a PUT's body comes from (DESIGN.md §10): the client, a copy source, or a middleware's decoder (an S3
 * aws-chunked body). The PUT pauses and resumes it for back-pressure and says when the replicas are ready.
 *
 * <p>Confined to the exchange's event loop.
 */
public interface BodySource {
    /** Stop delivering chunks (back-pressure). */
    void pause();

    /** Deliver chunks again. */
    void resume();

    /** Called once the replicas are ready for the body (e.g. send the client {@code 100 Continue}). */
    void ready();

    /** Abort the source (the PUT failed). */
    void abort();
}
