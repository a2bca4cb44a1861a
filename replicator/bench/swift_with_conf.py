#!/usr/bin/python3
"""Runs a Swift entry point (e.g. /usr/bin/swift-object-server) with SWIFT_DIR/swift.conf instead of
/etc/swift/swift.conf: Swift 2.30.1 reads the hash path prefix/suffix and the storage policies from the
fixed path /etc/swift/swift.conf, and only a set_swift_dir() call moves it.

usage: swift_with_conf.py SWIFT_DIR SCRIPT [ARGS...]
"""
import runpy
import sys

from swift.common import utils

if len(sys.argv) < 3:
    sys.exit(__doc__)
utils.set_swift_dir(sys.argv[1])
script = sys.argv[2]
sys.argv = [script] + sys.argv[3:]
runpy.run_path(script, run_name="__main__")
