#!/usr/bin/env bash
# Builds a tiny bootable guest for the compute add-on's QEMU tests from Debian packages only, in the style of
# Nova's AMI images: a kernel (aki), an initramfs (ari) and a blank root disk (ami). No root, no mounts, no loop
# devices. The guest prints markers on its serial console, which tests read through os-getConsoleOutput:
#   CAIRN-GUEST-BOOT            early in every boot
#   CAIRN-METADATA-BEGIN ... END   meta_data.json fetched from http://169.254.169.254 (DHCP on user-mode network)
#   CAIRN-USERDATA-BEGIN ... END   user_data from the same service
#   CAIRN-GUEST-READY           then it idles; the ACPI power button (QMP system_powerdown) powers it off
#
# usage: build-test-image.sh OUT_DIR        (writes OUT_DIR/vmlinuz, OUT_DIR/initrd.gz, OUT_DIR/root.raw)
# The kernel .deb (linux-image-<abi>-cloud-amd64) is fetched with `apt-get download` into
# ${CAIRN_IMAGE_CACHE:-$HOME/.cache/cairn-test-image} once and reused. Needs: apt-get, dpkg, busybox-static,
# cpio, gzip.
set -euo pipefail

out=${1:?usage: build-test-image.sh OUT_DIR}
cache=${CAIRN_IMAGE_CACHE:-$HOME/.cache/cairn-test-image}
busybox=/bin/busybox
for tool in apt-get apt-cache dpkg cpio gzip; do
  command -v "$tool" >/dev/null || { echo "build-test-image: $tool is missing" >&2; exit 2; }
done
# (the applet list is read whole first: grep -q leaving a pipe early would SIGPIPE busybox, and pipefail call it missing)
[ -x "$busybox" ] && grep -qx udhcpc <<<"$("$busybox" --list)" || { echo "build-test-image: install busybox-static" >&2; exit 2; }
# a static busybox (the dynamic one would need the guest to have libc)
file -L "$busybox" 2>/dev/null | grep -q "statically linked" || ldd "$busybox" 2>&1 | grep -q "not a dynamic" \
  || { echo "build-test-image: $busybox is not static; install busybox-static" >&2; exit 2; }

mkdir -p "$cache" "$out"
pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
[ -n "$pkg" ] || { echo "build-test-image: apt-cache knows no linux-image-cloud-amd64 (apt-get update?)" >&2; exit 2; }
deb=$(ls "$cache"/"$pkg"_*.deb 2>/dev/null | head -n 1 || true)
if [ -z "$deb" ]; then
  (cd "$cache" && apt-get download -q "$pkg" >/dev/null 2>&1) || { echo "build-test-image: apt-get download $pkg failed" >&2; exit 2; }
  deb=$(ls "$cache"/"$pkg"_*.deb | head -n 1)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg -x "$deb" "$work/kernel"
cp "$work"/kernel/boot/vmlinuz-* "$out/vmlinuz"

root="$work/initramfs"
mkdir -p "$root"/{bin,dev,proc,sys,tmp,etc/acpi/PWRF,lib/modules}
cp "$busybox" "$root/bin/busybox"
# virtio (disk, network), evdev + button: the ACPI power button reaches acpid
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci failover net_failover virtio_net \
         virtio_blk evdev button; do
  ko=$(find "$work/kernel/lib/modules" -name "$m.ko" | head -n 1)
  [ -n "$ko" ] || { echo "build-test-image: module $m not in $pkg" >&2; exit 2; }
  cp "$ko" "$root/lib/modules/"
done

cat > "$root/etc/acpi/PWRF/00000080" <<'SH'
#!/bin/busybox sh
echo "CAIRN-GUEST-POWERBUTTON"
sync
poweroff -f
SH
chmod 755 "$root/etc/acpi/PWRF/00000080"

cat > "$root/etc/udhcpc.script" <<'SH'
#!/bin/busybox sh
case "$1" in
  deconfig) ifconfig "$interface" 0.0.0.0 up ;;
  bound|renew)
    ifconfig "$interface" "$ip" netmask "${subnet:-255.255.255.0}" up
    for r in $router; do route add default gw "$r" dev "$interface"; break; done
    ;;
esac
SH
chmod 755 "$root/etc/udhcpc.script"

cat > "$root/init" <<'SH'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
echo "CAIRN-GUEST-BOOT"
# modules in dependency order; a second pass catches any that waited on another
for pass in 1 2; do
  for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci failover net_failover \
           virtio_net virtio_blk evdev button; do
    grep -q "^$m " /proc/modules || insmod "/lib/modules/$m.ko" 2>/dev/null
  done
done
echo "CAIRN-GUEST-MODULES $(wc -l < /proc/modules)"
mkdir -p /var/log /var/run
acpid -f -c /etc/acpi -l /dev/null &
echo "CAIRN-GUEST-ACPID"
ifconfig lo 127.0.0.1 up
ifconfig eth0 0.0.0.0 up
timeout 60 udhcpc -f -i eth0 -s /etc/udhcpc.script -q -n -t 10 -T 2 >/dev/null 2>&1 || echo "CAIRN-DHCP-FAILED"
echo "CAIRN-GUEST-NETWORK $(ifconfig eth0 | grep 'inet addr')"
fetch() {
  printf 'GET %s HTTP/1.0\r\nHost: 169.254.169.254\r\n\r\n' "$1" | nc -w 10 169.254.169.254 80 | sed '1,/^\r*$/d'
}
echo "CAIRN-METADATA-BEGIN"
fetch /openstack/latest/meta_data.json
echo
echo "CAIRN-METADATA-END"
echo "CAIRN-USERDATA-BEGIN"
fetch /openstack/latest/user_data
echo
echo "CAIRN-USERDATA-END"
echo "CAIRN-GUEST-READY"
while true; do sleep 3600; done
SH
chmod 755 "$root/init"

(cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) > "$out/initrd.gz"
# the root disk: blank; the guest runs from its initramfs, the disk is the per-instance qcow2 overlay's base
head -c 1048576 /dev/zero > "$out/root.raw"
echo "build-test-image: $(du -k "$out/vmlinuz" | cut -f1) KB kernel ($pkg), $(du -k "$out/initrd.gz" | cut -f1) KB initramfs, 1 MB root in $out"
