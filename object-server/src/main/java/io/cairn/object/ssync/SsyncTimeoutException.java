package io.cairn.object.ssync;

import java.io.IOException;

/**
 * Swift's {@code MessageTimeout}: the peer sent nothing for the timeout. The message is Swift's: {@code
 * "<seconds> seconds: <context>"}.
 */
public final class SsyncTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public SsyncTimeoutException(double seconds, String context) {
        super(pythonSeconds(seconds) + ": " + context);
    }

    /** eventlet's {@code Timeout.__str__} of a float number of seconds. */
    static String pythonSeconds(double seconds) {
        String n = seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15
                ? (long) seconds + ".0"
                : Double.toString(seconds);
        return n + (seconds == 1.0 ? " second" : " seconds");
    }
}
