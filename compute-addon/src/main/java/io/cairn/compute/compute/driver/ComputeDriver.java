package io.cairn.compute.compute.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A hypervisor, as Nova's {@code ComputeDriver} subset the API needs. Calls for one guest are not concurrent (the
 * agent serialises them); calls for different guests may be. Power states are Nova's integers.
 */
public interface ComputeDriver extends AutoCloseable {
    HostResources resources();

    /** Creates and starts a guest; returns once it runs (not once its OS is up). */
    void spawn(GuestSpec guest, ImageSource images) throws IOException, InterruptedException;

    /**
     * Stops and removes a guest and its disk; a guest it does not know is fine (already gone, or left on disk by a
     * previous run of the host, which is removed too).
     */
    void destroy(String id) throws IOException, InterruptedException;

    /** Soft: ask the guest (ACPI), fall back to hard after {@code softTimeout}. Hard: reset. */
    void reboot(String id, boolean hard, Duration softTimeout) throws IOException, InterruptedException;

    /** Clean shutdown up to {@code timeout}, then power off. */
    void powerOff(String id, Duration timeout) throws IOException, InterruptedException;

    /**
     * Starts a stopped guest. A guest this driver does not know — its host or agent restarted since it ran, and the
     * power-state sync stopped its server — is started again from what it left (QEMU: its disk), as Nova's libvirt
     * driver recreates the domain from the database; {@code guest} and {@code images} describe it for that.
     */
    void powerOn(GuestSpec guest, ImageSource images) throws IOException, InterruptedException;

    void pause(String id) throws IOException, InterruptedException;

    void unpause(String id) throws IOException, InterruptedException;

    void suspend(String id) throws IOException, InterruptedException;

    void resume(String id) throws IOException, InterruptedException;

    /** Recreates the guest from another image (its disk is replaced). */
    void rebuild(GuestSpec guest, ImageSource images) throws IOException, InterruptedException;

    /** Writes the guest's root disk as a standalone qcow2 (or raw, per the returned format) into {@code target}. */
    String snapshot(String id, Path target) throws IOException, InterruptedException;

    /** The last {@code lines} lines of the serial console (all with a negative count). */
    String consoleOutput(String id, int lines) throws IOException;

    int powerState(String id);

    @Override
    void close();

    /** The last {@code lines} lines of a text ({@code lines} < 0: all). */
    static String tail(String text, int lines) {
        if (lines < 0) {
            return text;
        }
        String[] all = text.split("\n", -1);
        int end = all.length;
        if (end > 0 && all[end - 1].isEmpty()) {
            end--;
        }
        int start = Math.max(0, end - lines);
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            sb.append(all[i]).append('\n');
        }
        return sb.toString();
    }
}
