package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackPortsTest {

    @Test
    void shouldReadTheFirstPortOfTheKernelsRange(@TempDir Path dir) throws Exception {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
        assertThat(LoopbackPorts.ephemeralLow(range)).isEqualTo(32768);
    }

    @Test
    void shouldReadTheRangeOfThisMachinesKernel() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "a Linux kernel's procfs");
        String firstField = Files.readAllLines(range).get(0).trim().split("\\s+")[0];
        int low = LoopbackPorts.ephemeralLow(range);
        assertThat(low).isEqualTo(Integer.parseInt(firstField)).isGreaterThan(1024);
        if (low > LoopbackPorts.LOWEST) {
            assertThat(LoopbackPorts.pickFree()).isBetween(LoopbackPorts.LOWEST, low - 1);
        }
    }

    @Test
    void shouldSayUnknownWhenTheRangeIsMissingOrGarbled(@TempDir Path dir) throws Exception {
        assertThat(LoopbackPorts.ephemeralLow(dir.resolve("absent"))).isZero();
        Path garbled = Files.writeString(dir.resolve("garbled"), "low high\n");
        assertThat(LoopbackPorts.ephemeralLow(garbled)).isZero();
    }

    @Test
    void shouldPickABindablePortBelowTheEphemeralRange() throws Exception {
        int port = LoopbackPorts.pickFree(LoopbackPorts.LOWEST, 32768);
        assertThat(port).isBetween(LoopbackPorts.LOWEST, 32767);
        assertBindable(port);
    }

    @Test
    void shouldFallBackToAKernelChosenPortWhenTheRangeLeavesNoRoom() throws Exception {
        int port = LoopbackPorts.pickFree(LoopbackPorts.LOWEST, LoopbackPorts.LOWEST);
        assertThat(port).isPositive();
        assertBindable(port);
    }

    @Test
    void shouldNotPickAPortThatIsTaken() throws Exception {
        // a range of one port, and that one taken: the kernel's choice comes back instead
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = LoopbackPorts.pickFree(taken.getLocalPort(), taken.getLocalPort() + 1);
            assertThat(port).isNotEqualTo(taken.getLocalPort());
            assertBindable(port);
        }
    }

    private static void assertBindable(int port) throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }
}
