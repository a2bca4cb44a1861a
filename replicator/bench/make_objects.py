#!/usr/bin/python3
"""Writes COUNT objects of SIZE bytes with Swift 2.30.1's own DiskFileManager onto DEVICE.

usage: make_objects.py SWIFT_DIR DEVICES_ROOT DEVICE COUNT SIZE

Object names are /AUTH_bench/bench/o<i>; the partition comes from SWIFT_DIR/object.ring.gz and the hash
path from SWIFT_DIR/swift.conf. fsync, the page-cache drop and eventlet's thread-pool hop are turned off (the bytes written, names and
xattrs are exactly Swift's; only their durability on power loss differs), which makes 100,000 writes take
about a minute instead of many.
"""
import os
import sys
import time
import types

from swift.common import utils

if len(sys.argv) != 6:
    sys.exit(__doc__)
swift_dir, devices, device, count, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
utils.set_swift_dir(swift_dir)

from swift.common.ring import Ring  # noqa: E402
from swift.common.storage_policy import POLICIES  # noqa: E402
from swift.obj import diskfile  # noqa: E402

diskfile.fsync = lambda fd: None
os.fsync = lambda fd: None  # write_pickle, lock files and the like
diskfile.fdatasync = lambda fd: None
diskfile.fsync_dir = lambda path: None
diskfile.drop_buffer_cache = lambda *a, **kw: None
_renamer = diskfile.renamer
diskfile.renamer = lambda old, new, fsync=True: _renamer(old, new, fsync=False)
# Swift hands the final rename and xattr write to eventlet's thread pool; a direct call does the same work
# without a thread round trip per object (14 ms each on a loaded 2-core machine).
diskfile.tpool = types.SimpleNamespace(execute=lambda func, *args, **kwargs: func(*args, **kwargs))

ring = Ring(swift_dir, ring_name="object")
conf = {"devices": devices, "mount_check": "false"}
manager = diskfile.DiskFileRouter(conf, utils.get_logger(conf, log_route="make-objects"))[POLICIES[0]]
body = (b"cairn-replication-bench-" * (size // 24 + 1))[:size]
etag = utils.md5(body, usedforsecurity=False).hexdigest()
base = time.time() - 3600  # an hour old: well past any "too new to touch" window, far from reclaim_age
started = time.monotonic()
for i in range(count):
    name = "o%07d" % i
    part = ring.get_part("AUTH_bench", "bench", name)
    df = manager.get_diskfile(device, part, "AUTH_bench", "bench", name, policy=POLICIES[0])
    ts = utils.Timestamp(base + i * 0.00001)
    with df.create(size=size) as writer:
        if size:
            writer.write(body)
        writer.put({"X-Timestamp": ts.internal, "Content-Type": "application/octet-stream",
                    "ETag": etag, "Content-Length": str(size)})
        writer.commit(ts)
    if (i + 1) % 20000 == 0:
        print("  %d objects written (%.0f s)" % (i + 1, time.monotonic() - started), flush=True)
print("  %d objects of %d bytes written to %s/%s in %.1f s"
      % (count, size, devices, device, time.monotonic() - started), flush=True)
