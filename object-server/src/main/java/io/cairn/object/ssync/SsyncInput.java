package io.cairn.object.ssync;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The SSYNC request body as the receiver reads it (Swift's {@code wsgi.input} of the SSYNC request):
 * lines and body bytes, blocking. Implementations throw {@link SsyncTimeoutException} when the sender is
 * silent for {@code client_timeout} and {@link SsyncReadException} when the transport fails (Swift's
 * {@code ChunkReadError}).
 *
 * <p>Thread-safety: used by one receiver thread.
 */
public interface SsyncInput {
    /**
     * Up to {@code max} bytes ending with {@code \n} (fewer, without {@code \n}, at the end of the body or
     * when {@code max} is reached); an empty array at the end of the body.
     *
     * @param context what is being read, for the timeout message
     */
    byte[] readLine(int max, String context) throws IOException;

    /** Between 1 and {@code max} body bytes, or null at the end of the body. The caller owns (releases) them. */
    @Nullable
    ByteBuf read(int max, String context) throws IOException;
}
