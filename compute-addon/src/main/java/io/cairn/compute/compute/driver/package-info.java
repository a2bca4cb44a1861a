/**
 * Hypervisor drivers behind {@link io.cairn.compute.compute.driver.ComputeDriver}: {@code FakeDriver} (instant,
 * synthetic console) and {@code QemuDriver} (qemu-system-x86_64 with QMP, qcow2 overlays on a verified base-image
 * cache, serial console to a file, user-mode networking with a metadata service). Knows nothing of HTTP or SQL.
 */
@NullMarked
package io.cairn.compute.compute.driver;

import org.jspecify.annotations.NullMarked;
