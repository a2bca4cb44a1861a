package io.cairn.object.ssync;

import java.io.IOException;

/**
 * The SSYNC response body: each {@link #write} is sent at once (one HTTP chunk), as Swift's receiver
 * yields each piece. Thread-safety: used by one receiver thread.
 */
public interface SsyncOutput {
    void write(byte[] bytes) throws IOException;
}
