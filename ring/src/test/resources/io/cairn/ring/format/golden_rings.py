# Golden ring files for RingFileFormatTest, written by Debian's Swift 2.30.1 (v1) and by an
# independent re-implementation of master's v2 writer from the format description (v2; Debian's
# Swift cannot write v2). argv[1]: output directory. The ring is the one RingFileFormatTest.ring()
# builds in Java.
import array
import gzip
import hashlib
import json
import os
import struct
import sys
import zlib

from swift.common.ring.ring import RingData

out = sys.argv[1]
devs = [
    {'id': 0, 'region': 1, 'zone': 1, 'ip': '10.0.0.1', 'port': 6200,
     'replication_ip': '10.1.0.1', 'replication_port': 6300,
     'device': 'sda', 'weight': 100.0, 'meta': ''},
    {'id': 1, 'region': 1, 'zone': 2, 'ip': '10.0.0.2', 'port': 6200,
     'replication_ip': '10.0.0.2', 'replication_port': 6200,
     'device': 'sdb', 'weight': 1.5, 'meta': 'disk \u00e9 \U0001F600 "q" \\ \t'},
    {'id': 2, 'region': 2, 'zone': 1, 'ip': 'fe80::1', 'port': 6201,
     'replication_ip': 'fe80::1', 'replication_port': 6201,
     'device': 'sdc', 'weight': 0.001, 'meta': 'x'},
    None,
    {'id': 4, 'region': 2, 'zone': 3, 'ip': '10.0.0.4', 'port': 6202,
     'replication_ip': '10.0.0.4', 'replication_port': 6202,
     'device': 'sdd', 'weight': 1e-05, 'meta': ''},
    {'id': 5, 'region': 1, 'zone': 1, 'ip': '10.0.0.5', 'port': 6200,
     'replication_ip': '10.0.0.5', 'replication_port': 6200,
     'device': 'sde', 'weight': 1e+16, 'meta': ''},
]
rows = [
    [0, 1, 2, 4, 5, 0, 1, 2],
    [1, 2, 4, 5, 0, 1, 2, 4],
    [2, 4],
]
part_shift = 29


def v1(name, version, next_part_power):
    rd = RingData([array.array('H', r) for r in rows], [dict(d) if d else None for d in devs],
                  part_shift, next_part_power, version)
    rd.save(os.path.join(out, name))


v1('v1.ring.gz', 7, None)
v1('v1-npp.ring.gz', None, 4)


def v2(name, version, next_part_power, type_code):
    path = os.path.join(out, name)
    raw = open(path, 'wb')
    gz = gzip.GzipFile(path, mode='wb', fileobj=raw, mtime=1300507380.0)
    state = {'dirty': False}

    def write(data):
        if data:
            state['dirty'] = True
            gz.write(data)

    def full_flush():
        if state['dirty']:
            gz.flush(zlib.Z_FULL_FLUSH)
            state['dirty'] = False

    def level(lvl):
        full_flush()
        gz.compress = zlib.compressobj(lvl, zlib.DEFLATED, -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)

    def size(n):
        return struct.pack('!Q', n)

    level(0)
    write(b'R1NG' + struct.pack('!H', 2))
    level(9)
    index = {}

    def section(sname, chunks):
        full_flush()
        cstart, ustart = raw.tell(), gz.tell()
        digest = hashlib.sha256()
        for c in chunks:
            digest.update(c)
            write(c)
        full_flush()
        index[sname] = [cstart, ustart, raw.tell(), gz.tell(), 'sha256', digest.hexdigest()]

    def js(value):
        return json.dumps(value, sort_keys=True, ensure_ascii=True).encode('ascii')

    meta = {'part_shift': part_shift, 'dev_id_bytes': array.array(type_code).itemsize,
            'replica_count': len(rows) - 1 + 1.0 * len(rows[-1]) / len(rows[0]),
            'version': version}
    if next_part_power is not None:
        meta['next_part_power'] = next_part_power
    blob = js(meta)
    section('swift/ring/metadata', [size(len(blob)), blob])
    blob = js(devs)
    section('swift/ring/devices', [size(len(blob)), blob])
    table = []
    for r in rows:
        a = array.array(type_code, r)
        if sys.byteorder == 'little':
            a.byteswap()
        table.append(a.tobytes())
    section('swift/ring/assignments', [size(sum(len(t) for t in table))] + table)
    full_flush()
    ustart, cstart = gz.tell(), raw.tell()
    blob = js(index)
    write(size(len(blob)))
    write(blob)
    level(0)
    write(size(ustart))
    full_flush()
    write(size(cstart))
    full_flush()
    gz.close()
    raw.close()


v2('v2.ring.gz', 7, None, 'H')
v2('v2-null-version.ring.gz', None, 4, 'H')
v2('v2-wide.ring.gz', 7, None, 'I')
