# Writes objects with Swift 2.30.1's own DiskFileManager, then syncs them with Swift's own ssync Sender.
# usage: SWIFT_CONF DEVICES DEVICE TARGET_PORT TARGET_DEVICE PARTITION T0_SECONDS
# prints "<success> <number of in-sync objects>"
import os
import sys
from hashlib import md5

from swift.common import utils

utils.SWIFT_CONF_FILE = sys.argv[1]
utils.HASH_PATH_PREFIX = b''
utils.HASH_PATH_SUFFIX = b''
utils.validate_hash_conf()

from swift.common import storage_policy  # noqa: E402

storage_policy.reload_storage_policies()
from swift.common.storage_policy import POLICIES  # noqa: E402
from swift.common.utils import Timestamp  # noqa: E402
from swift.obj import diskfile, ssync_sender  # noqa: E402

devices, dev, port, target, part, t0 = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6], int(sys.argv[7])
logger = utils.get_logger({'log_address': '/nonexistent'}, 'ssync-test')
router = diskfile.DiskFileRouter({'devices': devices, 'mount_check': 'false'}, logger)
pol = POLICIES[0]
mgr = router[pol]


def ts(n):
    return Timestamp(t0 + n)


def put(obj, t, body, meta):
    df = mgr.get_diskfile(dev, part, 'AUTH_test', 'cont', obj, pol)
    with df.create() as w:
        w.write(body)
        md = {'X-Timestamp': t.internal, 'Content-Type': 'text/plain',
              'Content-Length': str(len(body)), 'ETag': md5(body).hexdigest()}
        md.update(meta)
        w.put(md)
        w.commit(t)


put('plain', ts(1), b'hello', {'X-Object-Meta-Color': 'blue'})
put('posted', ts(2), b'posted body', {})
mgr.get_diskfile(dev, part, 'AUTH_test', 'cont', 'posted', pol).write_metadata(
    {'X-Timestamp': ts(3).internal, 'X-Object-Meta-Shape': 'round', 'Content-Type': 'image/png',
     'Content-Type-Timestamp': ts(3).internal})
put('gone', ts(4), b'doomed', {})
mgr.get_diskfile(dev, part, 'AUTH_test', 'cont', 'gone', pol).delete(ts(5))
put('\u00fcn\u00efc\u00f8d\u00e9 \u2603/p\u00e4th', ts(6), 'ünï body'.encode('utf8'), {'X-Object-Meta-K': 'v'})


class Daemon(object):
    pass


d = Daemon()
d._df_router = router
d.logger = logger
d.conn_timeout = 5
d.node_timeout = 10
d.http_timeout = 60
d.network_chunk_size = 65536
node = {'replication_ip': '127.0.0.1', 'replication_port': port, 'device': target, 'index': 0}
job = {'device': dev, 'partition': part, 'policy': pol}
suffixes = [s for s in os.listdir(os.path.join(devices, dev, 'objects', part)) if len(s) == 3]
ok, in_sync = ssync_sender.Sender(d, node, job, suffixes)()
print(ok, len(in_sync))
