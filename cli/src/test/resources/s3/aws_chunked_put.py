"""aws-chunked PUTs signed by hand (SigV4 streaming: chained chunk signatures, signed trailers), for
S3ClientsIT: no Python S3 client sends STREAMING-AWS4-HMAC-SHA256-PAYLOAD. Usage: ENDPOINT BUCKET."""
import sys, hashlib, hmac, datetime, http.client, urllib.parse
endpoint, bucket = sys.argv[1], sys.argv[2]
access, secret = 'test:tester', 'testing'
def sign(key, msg): return hmac.new(key, msg.encode(), hashlib.sha256).digest()
def put(bucket, key, data, chunk_size, corrupt_chunk=-1, trailer=None):
    now = datetime.datetime.now(datetime.timezone.utc)
    amz = now.strftime('%Y%m%dT%H%M%SZ'); day = amz[:8]
    host = endpoint.split('//')[1]
    path = '/' + bucket + '/' + urllib.parse.quote(key)
    mode = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' + ('-TRAILER' if trailer else '')
    chunks = [data[i:i+chunk_size] for i in range(0, len(data), chunk_size)] + [b'']
    headers = {'host': host, 'x-amz-date': amz, 'x-amz-content-sha256': mode,
               'x-amz-decoded-content-length': str(len(data)), 'content-encoding': 'aws-chunked'}
    if trailer: headers['x-amz-trailer'] = trailer[0]
    signed = ';'.join(sorted(headers))
    canon = '\n'.join(['PUT', path, '', ''.join('%s:%s\n' % (k, headers[k]) for k in sorted(headers)), signed, mode])
    scope = day + '/us-east-1/s3/aws4_request'
    sts = '\n'.join(['AWS4-HMAC-SHA256', amz, scope, hashlib.sha256(canon.encode()).hexdigest()])
    k = sign(sign(sign(sign(('AWS4' + secret).encode(), day), 'us-east-1'), 's3'), 'aws4_request')
    seed = hmac.new(k, sts.encode(), hashlib.sha256).hexdigest()
    prev = seed; body = b''
    for i, c in enumerate(chunks):
        csts = '\n'.join(['AWS4-HMAC-SHA256-PAYLOAD', amz, scope, prev, hashlib.sha256(b'').hexdigest(), hashlib.sha256(c).hexdigest()])
        sig = hmac.new(k, csts.encode(), hashlib.sha256).hexdigest()
        prev = sig
        if i == corrupt_chunk: sig = '0' * 64
        body += b'%x;chunk-signature=%s\r\n' % (len(c), sig.encode()) + c + (b'\r\n' if c or not trailer else b'')
    if trailer:
        t = '%s:%s\n' % trailer
        tsts = '\n'.join(['AWS4-HMAC-SHA256-TRAILER', amz, scope, prev, hashlib.sha256(t.encode()).hexdigest()])
        tsig = hmac.new(k, tsts.encode(), hashlib.sha256).hexdigest()
        body += t.replace('\n', '\r\n').encode() + b'x-amz-trailer-signature:' + tsig.encode() + b'\r\n\r\n'
    headers['authorization'] = 'AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s' % (access, scope, signed, seed)
    headers['content-length'] = str(len(body))
    conn = http.client.HTTPConnection(host)
    conn.request('PUT', path, body=body, headers=headers)
    r = conn.getresponse(); out = r.read()
    return r.status, out
import zlib, base64
data = bytes(range(256)) * 1000
print('GOOD', put(bucket, 'chunked/ok', data, 65536)[0])
st, body = put(bucket, 'chunked/bad', data, 65536, corrupt_chunk=2)
print('BAD', st, b'SignatureDoesNotMatch' in body)
crc = base64.b64encode(zlib.crc32(data).to_bytes(4, 'big')).decode()
print('TRAILER', put(bucket, 'chunked/trailer', data, 8192, trailer=('x-amz-checksum-crc32', crc))[0])
st, body = put(bucket, 'chunked/badcrc', data, 8192, trailer=('x-amz-checksum-crc32', 'AAAAAA=='))
print('BADCRC', st, body[:200])
