package io.cairn.proxy.swift;

/**
 * How the feeder of a PUT subrequest's body ({@link Subrequests#uploadPaced}) is told to hold and to go on: the
 * write below pauses it while its replicas cannot take more and resumes it once they can (the same pacing a
 * client's body gets from the client channel).
 *
 * <p>Called on the exchange's event loop.
 */
public interface BodyPacing {
    /** Stop feeding body chunks. */
    void pause();

    /** Feed body chunks again. */
    void resume();
}
