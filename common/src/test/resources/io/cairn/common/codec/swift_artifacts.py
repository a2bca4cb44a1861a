# Produces pickles with Swift 2.30.1's own code paths, one "name base64" line each (PickleSwiftGoldenIT).
# An object PUT through ObjectController (its container update fails on a closed port, so Swift writes an
# async_pending), REPLICATE, hashes.pkl, ContainerBroker/AccountBroker .pending files, and a large metadata
# dict through diskfile.write_metadata.
import base64, os, sys, tempfile, pickle
from swift.common import utils
utils.HASH_PATH_SUFFIX = b'cairn-suffix'
utils.HASH_PATH_PREFIX = b''
from swift.common.swob import Request
from swift.common.utils import Timestamp
from swift.obj import server as object_server, diskfile
from swift.common.storage_policy import POLICIES
import xattr, glob, shutil

def emit(name, data):
    sys.stdout.write(name + ' ' + base64.b64encode(data).decode('ascii') + '\n')


def main(root):
    os.makedirs(os.path.join(root, 'sda1'))
    conf = {'devices': root, 'mount_check': 'false', 'conn_timeout': '0.5', 'node_timeout': '0.5'}
    ctrl = object_server.ObjectController(conf, logger=utils.get_logger(conf, log_route='x'))
    body = b'hello'
    req = Request.blank('/sda1/0/a/c/o\u00e9\u4e2d\U0001F600'.encode('utf8').decode('latin1'), environ={'REQUEST_METHOD': 'PUT'},
        headers={'X-Timestamp': '1700000000.12345', 'Content-Type': 'text/plain', 'Content-Length': str(len(body)),
                 'X-Object-Meta-Color': 'blue', 'X-Object-Meta-Empty': '', 'X-Object-Meta-Zero': '0',
                 'X-Object-Meta-Cafe': 'caf\u00c3\u00a9',
                 'X-Container-Host': '127.0.0.1:1', 'X-Container-Partition': '7', 'X-Container-Device': 'sdz',
                 'X-Trans-Id': 'tx123'},
        body=body)
    resp = req.get_response(ctrl)
    assert resp.status_int == 201, resp.status
    datas = glob.glob(os.path.join(root, 'sda1', 'objects', '0', '*', '*', '*.data'))
    assert len(datas) == 1, datas
    emit('data_metadata', xattr.getxattr(datas[0], b'user.swift.metadata'))
    emit('data_metadata_checksum', xattr.getxattr(datas[0], b'user.swift.metadata_checksum'))
    asyncs = glob.glob(os.path.join(root, 'sda1', 'async_pending', '*', '*'))
    assert len(asyncs) == 1, asyncs
    emit('async_pending', open(asyncs[0], 'rb').read())
    rep = Request.blank('/sda1/0', environ={'REQUEST_METHOD': 'REPLICATE'}).get_response(ctrl)
    assert rep.status_int == 200, rep.status
    emit('replicate', rep.body)
    emit('hashes_pkl', open(os.path.join(root, 'sda1', 'objects', '0', 'hashes.pkl'), 'rb').read())

    from swift.container.backend import ContainerBroker
    from swift.account.backend import AccountBroker
    cdb = os.path.join(root, 'c.db')
    cb = ContainerBroker(cdb, account='a', container='c')
    cb.initialize(Timestamp(1700000000).internal, 0)
    cb.put_object('o\u00e9\u4e2d\U0001F600', Timestamp(1700000001).internal, 123, 'text/plain',
                  '0123456789abcdef0123456789abcdef')
    cb.put_object('gone', Timestamp(1700000002).internal, 0, '', '', deleted=1)
    cb.put_object('meta', Timestamp(1700000003).internal, 5, 'image/png', 'ffffffffffffffffffffffffffffffff',
                  storage_policy_index=1, ctype_timestamp=Timestamp(1700000004).internal,
                  meta_timestamp=Timestamp(1700000005, offset=3).internal)
    emit('container_pending', open(cdb + '.pending', 'rb').read())
    adb = os.path.join(root, 'a.db')
    ab = AccountBroker(adb, account='a')
    ab.initialize(Timestamp(1700000000).internal)
    ab.put_container('c\u00e9', Timestamp(1700000001).internal, '0', 10, 2048, 0)
    ab.put_container('old', '0', Timestamp(1700000002).internal, 0, 0, 1)
    emit('account_pending', open(adb + '.pending', 'rb').read())

    big = {'name': '/a/c/big'}
    for i in range(300):
        big['X-Object-Meta-K%03d' % i] = 'v%d' % i
    big['X-Object-Meta-Huge'] = 'x' * 70000
    class CapturingXattr(object):
        """ext4 keeps only ~4 KiB of xattrs per inode: capture Swift's setxattr calls instead."""
        def __init__(self):
            self.attrs = {}
        def setxattr(self, fd, key, value):
            self.attrs[key] = value
    captured = CapturingXattr()
    real_xattr = diskfile.xattr
    diskfile.xattr = captured
    try:
        diskfile.write_metadata('unused', big)
    finally:
        diskfile.xattr = real_xattr
    chunks = []
    while True:
        key = b'user.swift.metadata' + (str(len(chunks)).encode() if chunks else b'')
        if key not in captured.attrs:
            break
        chunks.append(captured.attrs[key])
    emit('big_metadata_chunks', str(len(chunks)).encode())
    emit('big_metadata', b''.join(chunks))



root = tempfile.mkdtemp(prefix='cairn-codec-')
try:
    main(root)
finally:
    shutil.rmtree(root)
