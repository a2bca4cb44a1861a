# Runs Debian's Swift 2.30.1 object server (one process, workers = 0) against a test's swift.conf instead
# of /etc/swift/swift.conf: usage swift_object_server.py SWIFT_CONF OBJECT_SERVER_CONF
import sys

from swift.common import utils

utils.SWIFT_CONF_FILE = sys.argv[1]
utils.HASH_PATH_PREFIX = b''
utils.HASH_PATH_SUFFIX = b''
utils.validate_hash_conf()

from swift.common import constraints, storage_policy  # noqa: E402

constraints.reload_constraints()
storage_policy.reload_storage_policies()

from swift.common.wsgi import run_wsgi  # noqa: E402
from swift.obj import server  # noqa: E402

sys.exit(run_wsgi(sys.argv[2], 'object-server', global_conf_callback=server.global_conf_callback,
                  verbose=True))
