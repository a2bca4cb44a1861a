#!/usr/bin/env python3
"""Image API vs direct Swift API on one `cairn cloud`, and the cloud's time to ready (issue 18's bench targets).

    bench/image-api.py [--size-mib 200] [--rounds 3] [--warmup 1] [--port P] [--token-requests N] [--token-threads T]

Starts `./cairn cloud --data <temp> --port P --api-port A --compute-driver fake` (P and A: free loopback ports
found at start; --port P gives P and P+1) (the jar built by ./cairn), measures the time
from launch to the first answered token request (POST /identity/v3/auth/tokens with DIR/etc/openrc's credentials),
then per round: the same random bytes PUT and GET directly on the Swift API (an identity token on
AUTH_<admin project>/bench) and through the image API (POST /v2/images + PUT .../file with Content-Length, GET
.../file), the two paths in alternating order (direct first in odd rounds, image first in even ones), each transfer
after a sync (no dirty pages left by the one before) and each object or image deleted after its GET. Prints MB/s,
the image/direct ratios and the load average per round, and the median ratios of the rounds after the --warmup ones. With --token-requests N
(and --rounds 0 to skip the transfers): N password-method POST /identity/v3/auth/tokens (issue: bcrypt + database +
signing) and N GET /identity/v3/auth/tokens (validation: signature + deny list + user lookup) on T keep-alive
connections, as requests per second. Stops the cloud by its PID and removes the temp dir. Loopback only; timings
are for ratios on a shared box, not absolutes.
"""
import argparse
import http.client
import json
import os
import socket
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def openrc(path):
    env = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('export '):
                k, v = line[len('export '):].strip().split('=', 1)
                env[k] = v
    return env


def token(api_port, env):
    body = json.dumps({'auth': {'identity': {'methods': ['password'], 'password': {'user': {
        'name': env['OS_USERNAME'], 'domain': {'name': 'Default'}, 'password': env['OS_PASSWORD']}}},
        'scope': {'project': {'name': env['OS_PROJECT_NAME'], 'domain': {'name': 'Default'}}}}})
    c = http.client.HTTPConnection('127.0.0.1', api_port, timeout=30)
    c.request('POST', '/identity/v3/auth/tokens', body, {'Content-Type': 'application/json'})
    r = c.getresponse()
    doc = json.loads(r.read())
    if r.status != 201:
        raise RuntimeError('token: %d %s' % (r.status, doc))
    return r.getheader('X-Subject-Token'), doc['token']['project']['id']


def token_rates(api_port, env, n, threads):
    """Issue and validation rates over HTTP: n requests of each, split over `threads` keep-alive connections."""
    body = json.dumps({'auth': {'identity': {'methods': ['password'], 'password': {'user': {
        'name': env['OS_USERNAME'], 'domain': {'name': 'Default'}, 'password': env['OS_PASSWORD']}}},
        'scope': {'project': {'name': env['OS_PROJECT_NAME'], 'domain': {'name': 'Default'}}}}})
    subject, _ = token(api_port, env)
    failures = []

    def issue(count):
        c = http.client.HTTPConnection('127.0.0.1', api_port, timeout=60)
        for _ in range(count):
            c.request('POST', '/identity/v3/auth/tokens', body, {'Content-Type': 'application/json'})
            r = c.getresponse()
            r.read()
            if r.status != 201:
                failures.append(r.status)

    def validate(count):
        c = http.client.HTTPConnection('127.0.0.1', api_port, timeout=60)
        for _ in range(count):
            c.request('GET', '/identity/v3/auth/tokens', headers={'X-Auth-Token': subject, 'X-Subject-Token': subject})
            r = c.getresponse()
            r.read()
            if r.status != 200:
                failures.append(r.status)

    for name, work in (('issue (POST, password)', issue), ('validate (GET)', validate)):
        work(max(1, n // 10))  # warm-up
        per = [n // threads + (1 if i < n % threads else 0) for i in range(threads)]
        ts = [threading.Thread(target=work, args=(k,)) for k in per]
        t = time.monotonic()
        for th in ts:
            th.start()
        for th in ts:
            th.join()
        elapsed = time.monotonic() - t
        print('tokens %s: %d in %.2f s = %.0f/s on %d connections; load %s' % (
            name, n, elapsed, n / elapsed, threads, os.getloadavg()))
    if failures:
        raise RuntimeError('token requests failed: %s' % failures[:10])


def free_ports(n):
    """n distinct loopback ports free right now (all held until each is known, then released)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            socks.append(s)
            s.bind(('127.0.0.1', 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def delete(port, path, headers):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    c.request('DELETE', path, headers=headers)
    r = c.getresponse()
    r.read()
    if r.status not in (204, 404):
        raise RuntimeError('DELETE %s: %d' % (path, r.status))


def timed(port, method, path, headers, body_file=None, size=0):
    # each transfer starts with no dirty pages: otherwise a PUT pays for the writeback of the one before it, and
    # which path that penalises depends on the order (the load average showed it climbing round after round)
    os.sync()
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=600)
    t = time.monotonic()
    if body_file is not None:
        c.putrequest(method, path)
        for k, v in headers.items():
            c.putheader(k, v)
        c.putheader('Content-Length', str(size))
        c.endheaders()
        with open(body_file, 'rb') as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                c.send(chunk)
    else:
        c.request(method, path, headers=headers)
    r = c.getresponse()
    n = 0
    while True:
        chunk = r.read(1 << 20)
        if not chunk:
            break
        n += len(chunk)
    elapsed = time.monotonic() - t
    if r.status >= 300:
        raise RuntimeError('%s %s: %d' % (method, path, r.status))
    return elapsed, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--size-mib', type=int, default=200)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--warmup', type=int, default=1, help='rounds run first and not counted (JIT, caches)')
    ap.add_argument('--port', type=int, default=0, help='proxy port P (APIs on P+1); default: free ports')
    ap.add_argument('--token-requests', type=int, default=0)
    ap.add_argument('--token-threads', type=int, default=2)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='cairn-image-bench')
    data = os.path.join(tmp, 'cloud')
    proxy_port, api_port = (a.port, a.port + 1) if a.port else free_ports(2)
    load0 = os.getloadavg()
    t0 = time.monotonic()
    proc = subprocess.Popen([os.path.join(ROOT, 'cairn'), 'cloud', '--data', data, '--port', str(proxy_port),
                             '--api-port', str(api_port),
                             '--compute-driver', 'fake'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = t0 + 180
        while True:
            try:
                tok, project = token(api_port, openrc(os.path.join(data, 'etc/openrc')))
                break
            except (OSError, RuntimeError, KeyError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError('cairn cloud did not answer a token request within 180 s')
                time.sleep(0.1)
        ready = time.monotonic() - t0
        print('ready: %.1f s from launch to an answered token request (load before %s)' % (ready, load0))
        if a.token_requests:
            token_rates(api_port, openrc(os.path.join(data, 'etc/openrc')), a.token_requests, a.token_threads)
        size = a.size_mib << 20
        body = os.path.join(tmp, 'body')
        with open(body, 'wb') as f:
            f.write(os.urandom(size))
        account = '/v1/AUTH_' + project
        h = {'X-Auth-Token': tok}
        timed(proxy_port, 'PUT', account + '/bench', h)
        mb = size / 1e6
        put_ratios, get_ratios = [], []
        for i in range(a.warmup + a.rounds):
            def direct():
                put_d, _ = timed(proxy_port, 'PUT', account + '/bench/o%d' % i, h, body, size)
                get_d, n = timed(proxy_port, 'GET', account + '/bench/o%d' % i, h)
                delete(proxy_port, account + '/bench/o%d' % i, h)
                return put_d, get_d, n

            def through_image_api():
                c = http.client.HTTPConnection('127.0.0.1', api_port, timeout=60)
                c.request('POST', '/image/v2/images', json.dumps({'name': 'bench%d' % i, 'disk_format': 'raw',
                                                                  'container_format': 'bare'}),
                          {'X-Auth-Token': tok, 'Content-Type': 'application/json'})
                r = c.getresponse()
                image = json.loads(r.read())['id']
                put_i, _ = timed(api_port, 'PUT', '/image/v2/images/%s/file' % image,
                                 dict(h, **{'Content-Type': 'application/octet-stream'}), body, size)
                get_i, m = timed(api_port, 'GET', '/image/v2/images/%s/file' % image, h)
                delete(api_port, '/image/v2/images/%s' % image, h)
                return put_i, get_i, m

            # alternate which path goes first: the storage nodes' page cache and writeback fill as rounds go, and
            # a fixed order would leave the later path always writing behind the other's dirty pages
            if i % 2 == 0:
                put_d, get_d, n = direct()
                put_i, get_i, m = through_image_api()
            else:
                put_i, get_i, m = through_image_api()
                put_d, get_d, n = direct()
            assert n == size and m == size, (n, m)
            warm = i >= a.warmup
            if warm:
                put_ratios.append(put_d / put_i)
                get_ratios.append(get_d / get_i)
            print('%s %d: PUT direct %.0f MB/s, image %.0f MB/s (%.2fx, %.0f vs %.0f ms); GET direct %.0f MB/s,'
                  ' image %.0f MB/s (%.2fx, %.0f vs %.0f ms); load %s'
                  % ('round' if warm else 'warm-up', i + 1, mb / put_d, mb / put_i, put_d / put_i, put_d * 1e3,
                     put_i * 1e3, mb / get_d, mb / get_i, get_d / get_i, get_d * 1e3, get_i * 1e3, os.getloadavg()))
        if put_ratios:
            print('median of %d rounds: PUT image/direct %.2fx, GET image/direct %.2fx'
                  % (len(put_ratios), statistics.median(put_ratios), statistics.median(get_ratios)))
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
