# Golden interop with Debian's Swift 2.30.1: reads what Cairn wrote on device sda, writes objects on sdb/sdc
# with Swift's own DiskFileManager, and reports everything as one protocol-2 pickle on stdout.
import hashlib
import os
import pickle
import shutil
import sys
import time

from swift.common import utils
utils.HASH_PATH_PREFIX = b''
utils.HASH_PATH_SUFFIX = b'cairntest'
from swift.common.exceptions import DiskFileDeleted
from swift.common.header_key_dict import HeaderKeyDict
from swift.common.storage_policy import POLICIES
from swift.common.utils import Timestamp
from swift.obj.diskfile import DiskFileManager
from swift.obj.updater import ObjectUpdater

devices = sys.argv[1]
names = sys.argv[2:]
logger = utils.get_logger({}, log_route='interop')
mgr = DiskFileManager({'devices': devices, 'mount_check': 'false'}, logger)
P = POLICIES[0]


def split(name):
    return name.split('/', 2)


def read(dev):
    out = {}
    for n in names:
        a, c, o = split(n)
        df = mgr.get_diskfile(dev, '0', a, c, o, P)
        try:
            with df.open():
                md = df.get_metadata()
                body = b''.join(df.reader())
                out[n] = {'metadata': md, 'body': body, 'data_ts': df.data_timestamp.internal,
                          'ts': df.timestamp.internal, 'ctype_ts': df.content_type_timestamp.internal}
        except DiskFileDeleted as e:
            out[n] = {'deleted': e.timestamp.internal}
    return out


def put(dev, name, body, ts, meta):
    a, c, o = split(name)
    df = mgr.get_diskfile(dev, '0', a, c, o, P)
    with df.create() as w:
        w.write(body)
        md = {'X-Timestamp': ts.internal, 'Content-Length': str(len(body)),
              'ETag': hashlib.md5(body).hexdigest(), 'Content-Type': 'text/plain'}
        md.update(meta)
        w.put(md)
    return df


def write_all(dev, base):
    os.makedirs(os.path.join(devices, dev), exist_ok=True)
    t = lambda i: Timestamp(base + i)
    put(dev, names[0], b'hello world', t(1), {'X-Object-Meta-Color': 'blue',
        'X-Object-Meta-Note': 'caf\xc3\xa9 \xe2\x98\x83', 'X-Object-Sysmeta-Foo': 'bar'})
    put(dev, names[1], bytes(range(256)) * 100, t(2), {})
    df = put(dev, names[2], b'three', t(3), {'X-Object-Meta-Old': '1'})
    df.write_metadata({'X-Timestamp': t(5).internal, 'X-Object-Meta-New': '2',
                       'Content-Type': 'image/png', 'Content-Type-Timestamp': t(4).internal})
    df = put(dev, names[3], b'four', t(6), {})
    df.delete(t(7))


result = {}
# 1. what Cairn wrote on sda, as Swift reads it
result['sda'] = read('sda')
result['sda_hashes'] = mgr.get_hashes('sda', '0', [], P)
upd = ObjectUpdater({'devices': devices, 'mount_check': 'false'}, logger=logger)
asyncs = []
for root, dirs, files in os.walk(os.path.join(devices, 'sda', 'async_pending')):
    for f in sorted(files):
        u = upd._load_update(os.path.join(devices, 'sda'), os.path.join(root, f))
        u['headers'] = dict(HeaderKeyDict(u['headers'].copy()))
        asyncs.append([f, u])
result['sda_async'] = asyncs

# 2. Swift writes sdb; Cairn must compute the same hashes without Swift's files
base = float(int(time.time()) - 100)
write_all('sdb', base)
result['sdb'] = read('sdb')
result['sdb_hashes'] = mgr.get_hashes('sdb', '0', [], P)
part = os.path.join(devices, 'sdb', 'objects', '0')
for f in ('hashes.pkl', 'hashes.invalid'):
    if os.path.exists(os.path.join(part, f)):
        os.unlink(os.path.join(part, f))
hkd = HeaderKeyDict({'x-size': '11', 'x-content-type': 'text/plain', 'x-etag': 'abc',
                     'x-timestamp': Timestamp(base + 1).internal, 'user-agent': 'object-server 1'})
mgr.pickle_async_update('sdb', 'a', 'c', 'o1', {'op': 'PUT', 'account': 'a', 'container': 'c', 'obj': 'o1',
                        'headers': hkd}, Timestamp(base + 1), P)

# 3. sdc: a valid hashes.pkl plus a hashes.invalid entry Cairn must honour
os.makedirs(os.path.join(devices, 'sdc'))
put('sdc', names[0], b'x', Timestamp(base + 1), {})
mgr.get_hashes('sdc', '0', [], P)
put('sdc', names[1], b'y', Timestamp(base + 2), {})
shutil.copytree(os.path.join(devices, 'sdc'), os.path.join(devices, 'sdd'))
result['sdc_pkl_before'] = open(os.path.join(devices, 'sdc', 'objects', '0', 'hashes.invalid')).read()
result['sdc_expected'] = mgr.get_hashes('sdd', '0', [], P)
sys.stdout.buffer.write(pickle.dumps(result, 2))
