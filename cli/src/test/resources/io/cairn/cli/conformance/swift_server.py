# Runs one of Debian's Swift 2.30.1 entry points (/usr/bin/swift-proxy-server, swift-object-server, ...)
# with SWIFT_DIR/swift.conf instead of /etc/swift/swift.conf: Swift reads the hash path prefix/suffix,
# the storage policies and the constraints from that fixed path unless set_swift_dir() moves it.
#
# usage: swift_server.py SWIFT_DIR SCRIPT [ARGS...]
import runpy
import sys

from swift.common import utils

if len(sys.argv) < 3:
    sys.exit("usage: swift_server.py SWIFT_DIR SCRIPT [ARGS...]")
utils.set_swift_dir(sys.argv[1])

from swift.common import constraints, storage_policy  # noqa: E402

constraints.reload_constraints()
storage_policy.reload_storage_policies()

script = sys.argv[2]
sys.argv = [script] + sys.argv[3:]
runpy.run_path(script, run_name="__main__")
