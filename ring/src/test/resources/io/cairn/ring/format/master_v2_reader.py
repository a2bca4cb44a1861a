# Reads a v2 ring the way master's RingReader does it: inflate 8 bytes from 31 bytes before EOF to
# find the compressed offset of the index, inflate the index from there, then inflate each section
# from its compressed start with a fresh raw-deflate decompressor and check its sha256. Prints
# "ok <metadata json>" on success. argv[1]: file.
import hashlib
import json
import struct
import sys
import zlib

data = open(sys.argv[1], 'rb').read()


def inflate_from(offset, amount):
    d = zlib.decompressobj(-zlib.MAX_WBITS)
    out = b''
    pos = offset
    while len(out) < amount and pos < len(data):
        out += d.decompress(data[pos:pos + 4096])
        pos += 4096
    return out[:amount]


index_start, = struct.unpack('!Q', inflate_from(len(data) - 31, 8))
head = inflate_from(index_start, 8)
length, = struct.unpack('!Q', head)
index = json.loads(inflate_from(index_start, 8 + length)[8:])
sections = {}
for name, (cstart, ustart, cend, uend, method, digest) in index.items():
    blob = inflate_from(cstart, uend - ustart)
    assert hashlib.new(method, blob).hexdigest() == digest, name
    assert struct.unpack('!Q', blob[:8])[0] == len(blob) - 8, name
    sections[name] = blob[8:]
print('ok', sections['swift/ring/metadata'].decode('ascii'))
