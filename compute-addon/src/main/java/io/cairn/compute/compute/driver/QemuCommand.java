package io.cairn.compute.compute.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code qemu-system-x86_64} command line of one guest: KVM or TCG, memory and vCPUs of the flavor, the qcow2
 * overlay on virtio, the serial console appended to a file, QMP on a UNIX socket, {@code -no-shutdown} (an ACPI
 * power-off leaves QEMU alive in "shutdown", so a soft reboot can reset it), user-mode networking on
 * 169.254.169.0/24 with the metadata address forwarded to this guest's metadata service, and AMI-style direct
 * kernel boot when the image names a kernel (and ramdisk).
 */
record QemuCommand(
        String qemu,
        boolean kvm,
        String name,
        int ramMb,
        int vcpus,
        Path disk,
        Path console,
        Path qmp,
        String metadataForward,
        @Nullable Path kernel,
        @Nullable Path ramdisk,
        String kernelArgs) {

    List<String> argv() {
        List<String> a = new ArrayList<>(List.of(
                qemu,
                "-name",
                name,
                "-machine",
                "pc,accel=" + (kvm ? "kvm" : "tcg"),
                "-cpu",
                kvm ? "host" : "qemu64",
                "-m",
                String.valueOf(ramMb),
                "-smp",
                String.valueOf(vcpus),
                "-display",
                "none",
                "-nodefaults",
                "-no-shutdown",
                "-chardev",
                "file,id=console0,path=" + console + ",append=on",
                "-serial",
                "chardev:console0",
                "-qmp",
                "unix:" + qmp + ",server=on,wait=off",
                "-drive",
                "file=" + disk + ",if=virtio,format=qcow2,cache=writeback",
                "-netdev",
                "user,id=net0,net=169.254.169.0/24,dhcpstart=169.254.169.15,guestfwd=tcp:169.254.169.254:80-cmd:"
                        + metadataForward,
                "-device",
                "virtio-net-pci,netdev=net0"));
        if (kernel != null) {
            a.addAll(List.of("-kernel", kernel.toString(), "-append", kernelArgs));
            if (ramdisk != null) {
                a.addAll(List.of("-initrd", ramdisk.toString()));
            }
        }
        return a;
    }
}
