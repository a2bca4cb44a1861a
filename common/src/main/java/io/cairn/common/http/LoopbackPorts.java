package io.cairn.common.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a loopback port for a server that binds it later (a ring records it first, or another process
 * binds it).
 *
 * <p>A port chosen by binding port 0 and closing comes from the kernel's ephemeral range, where any
 * outgoing connection or port-0 bind on the machine may take it before the real bind: a rare {@code
 * EADDRINUSE} that once failed CI. This picks a free port <em>below</em> the ephemeral range (read from
 * {@code /proc/sys/net/ipv4/ip_local_port_range}), where the kernel never allocates on its own, so only
 * another explicit bind to the same number could race, and a random start makes that unlikely. Where the
 * range cannot be read or leaves no room, it falls back to a kernel-chosen port.
 *
 * <p>Thread-safety: stateless.
 */
public final class LoopbackPorts {
    /** The lowest port picked: above the registered services most machines run (Swift's SAIO uses 60xx-62xx). */
    static final int LOWEST = 10_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {}

    /** A port free on 127.0.0.1 now, outside the ephemeral range where possible. */
    public static int pickFree() throws IOException {
        return pickFree(LOWEST, ephemeralLow(EPHEMERAL_RANGE));
    }

    /**
     * As {@link #pickFree()}: a free port in {@code [lowest, ephemeralLow)}, or a kernel-chosen one if that
     * range is empty ({@code ephemeralLow} 0 = unknown) or none of the tries found one free.
     */
    static int pickFree(int lowest, int ephemeralLow) throws IOException {
        if (ephemeralLow > lowest) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < ATTEMPTS; i++) {
                int candidate = random.nextInt(lowest, ephemeralLow);
                if (isFree(candidate)) {
                    return candidate;
                }
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isFree(int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (BindException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range, or 0 if {@code rangeFile} is missing or unreadable. */
    static int ephemeralLow(Path rangeFile) {
        // read by lines: Files.readString/readAllBytes return only "3" of "32768\t60999" from /proc/sys
        // (JDK 17), whose files report a size of 0 and answer the size-hinted read short
        try (BufferedReader in = Files.newBufferedReader(rangeFile, StandardCharsets.US_ASCII)) {
            String line = in.readLine();
            if (line == null) {
                return 0;
            }
            return Integer.parseInt(line.trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
