package io.cairn.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRootTest {
    @TempDir
    Path devices;

    @Test
    void shouldResolveAnExistingDirectoryWhenMountCheckIsOff() throws Exception {
        Files.createDirectory(devices.resolve("sda"));
        DeviceRoot root = new DeviceRoot(devices, false);
        assertThat(root.resolve("sda")).isEqualTo(devices.resolve("sda").toAbsolutePath());
        assertThat(root.resolve("sdb")).isNull();
    }

    @Test
    void shouldRefuseAPlainDirectoryWhenMountCheckIsOn() throws Exception {
        Files.createDirectory(devices.resolve("sda"));
        assertThat(new DeviceRoot(devices, true).resolve("sda")).isNull();
    }

    @Test
    void shouldAcceptARealMountPointWhenMountCheckIsOn() {
        // "/" is a mount point on every machine; "/proc" is one on Linux.
        DeviceRoot root = new DeviceRoot(Path.of("/"), true);
        assertThat(root.resolve("proc")).isEqualTo(Path.of("/proc"));
    }

    @Test
    void shouldRejectNamesThatAreNotPlainSegments() {
        assertThat(DeviceRoot.isValidDeviceName("sda1")).isTrue();
        assertThat(DeviceRoot.isValidDeviceName("d1-x_y.z")).isTrue();
        assertThat(DeviceRoot.isValidDeviceName("..")).isFalse();
        assertThat(DeviceRoot.isValidDeviceName("a/b")).isFalse();
        assertThat(DeviceRoot.isValidDeviceName("a b")).isFalse();
        assertThat(DeviceRoot.isValidDeviceName("")).isFalse();
    }
}
