#!/usr/bin/python3
"""Fills an existing container with N object rows directly in its SQLite DBs, with Swift's own code, on every replica
the container ring names: the same names, sizes, etags, content type and timestamp on each, so the replicas agree.

It works on any cluster whose container DBs and rings are Swift's: a Swift SAIO and `./cairn saio` alike (Cairn keeps
Swift's schema, file layout and ring format). The container must already exist on every replica (create it through
the API first: that also creates the account); a missing DB is an error (exit status 1). Rows go in with Swift's
`ContainerBroker.merge_items`, in batches of one transaction each, so the `policy_stat` triggers keep the object count
and bytes as an object PUT's row would. Running it again with the same timestamp changes nothing (merge_items keeps
the existing, equally new rows). Only object rows are written: no object data, no account stats (nothing the
listing reads).

Usage (bench/compare.sh runs it for the `list` workload):

    fill-container.py --swift-dir ETC --devices SRV/node1 SRV/node2 ... --account AUTH_test --container NAME \
        --objects 100000 [--name-format 'o{:012d}'] [--size 0] [--timestamp 1700000000.00000] \
        [--verify-url STORAGE_URL --verify-token TOKEN]

`--devices` are the `devices` directories of the storage nodes (each holds some of the ring's devices as
subdirectories); `--verify-url` then reads the container back through the API: HEAD's X-Container-Object-Count must
be N and a first, middle and last listing page must hold the names they should.
"""
import argparse
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from swift.common.ring import Ring
from swift.common import utils
from swift.common.utils import InvalidHashPathConfigError, Timestamp, hash_path, storage_directory, validate_hash_conf
from swift.container.backend import DATADIR, ContainerBroker


class FillError(Exception):
    """A condition the caller must fix (missing DB, bad arguments, a check that failed)."""


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--swift-dir", required=True, help="directory holding container.ring.gz (and swift.conf)")
    p.add_argument("--swift-conf",
                   help="the swift.conf whose [swift-hash] the servers hash paths with (default SWIFT_DIR/swift.conf; "
                        "Swift's own servers read /etc/swift/swift.conf whatever their swift_dir says)")
    p.add_argument("--devices", required=True, nargs="+", help="the storage nodes' devices directories")
    p.add_argument("--account", required=True, help="account name, e.g. AUTH_test")
    p.add_argument("--container", required=True)
    p.add_argument("--objects", required=True, type=int, help="rows to insert (object ids 0..N-1)")
    p.add_argument("--name-format", default="o{:012d}",
                   help="object name for id i, a str.format pattern (default o{:012d}: cairn-bench's names)")
    p.add_argument("--size", type=int, default=0, help="object size in bytes recorded in each row (default 0)")
    p.add_argument("--content-type", default="application/octet-stream")
    p.add_argument("--timestamp", help="the rows' created_at (default: now); the same on every replica")
    p.add_argument("--batch", type=int, default=10000, help="rows per merge_items transaction (default 10000)")
    p.add_argument("--wait", type=float, default=10.0,
                   help="seconds to wait for each replica's DB to appear (a container PUT answers at quorum)")
    p.add_argument("--verify-url", help="storage URL (http://host:port/v1/AUTH_test) to check the result through")
    p.add_argument("--verify-token", help="X-Auth-Token for --verify-url")
    p.add_argument("--limit", type=int, default=1000, help="listing page size the verification reads (1000)")
    args = p.parse_args(argv)
    if args.objects < 1:
        p.error("--objects must be >= 1")
    if args.size < 0 or args.batch < 1 or args.limit < 1:
        p.error("--size must be >= 0, --batch and --limit >= 1")
    if bool(args.verify_url) != bool(args.verify_token):
        p.error("--verify-url and --verify-token go together")
    names = [args.name_format.format(i) for i in (0, 1, args.objects - 1)]
    if not names[0] < names[1] <= names[2] or len(names[0]) != len(names[2]):
        p.error("--name-format must give names that sort as the ids do (e.g. zero-padded)")
    return args


def replica_dbs(args):
    """[(device path, DB path)] of the container's replicas, from the ring; devices looked up in --devices."""
    utils.SWIFT_CONF_FILE = args.swift_conf or os.path.join(args.swift_dir, "swift.conf")
    utils.HASH_PATH_PREFIX = utils.HASH_PATH_SUFFIX = b""  # validate_hash_conf reads the file only when both are unset
    try:
        validate_hash_conf()
    except (OSError, InvalidHashPathConfigError) as e:
        raise FillError("cannot read the hash prefix/suffix from %s: %s" % (utils.SWIFT_CONF_FILE, e))
    ring = Ring(args.swift_dir, ring_name="container")
    part, nodes = ring.get_nodes(args.account, args.container)
    name_hash = hash_path(args.account, args.container)
    dbs = []
    for node in nodes:
        found = [d for d in args.devices if os.path.isdir(os.path.join(d, node["device"]))]
        if len(found) != 1:
            raise FillError("device %s (%s:%s) is in %d of the --devices dirs %s, not exactly one"
                            % (node["device"], node["ip"], node["port"], len(found), " ".join(args.devices)))
        device = os.path.join(found[0], node["device"])
        db_dir = os.path.join(device, storage_directory(DATADIR, part, name_hash))
        dbs.append((device, os.path.join(db_dir, name_hash + ".db")))
    return dbs


def wait_for(dbs, seconds, account, container):
    deadline = time.monotonic() + seconds
    while True:
        missing = [db for _, db in dbs if not os.path.isfile(db)]
        if not missing:
            return
        if time.monotonic() >= deadline:
            raise FillError("container %s/%s has no DB at %s (create the container through the API first; if it"
                            " exists, the servers hash paths with another swift.conf than %s: see --swift-conf)"
                            % (account, container, ", ".join(missing), utils.SWIFT_CONF_FILE))
        time.sleep(0.2)


def rows(args, created_at, etag, policy_index, start, end):
    return [{"name": args.name_format.format(i), "created_at": created_at, "size": args.size,
             "content_type": args.content_type, "etag": etag, "deleted": 0,
             "storage_policy_index": policy_index, "ctype_timestamp": None, "meta_timestamp": None}
            for i in range(start, end)]


def fill(args, db, created_at, etag):
    """Merges the rows into one replica's DB; returns its object count afterwards (from policy_stat)."""
    broker = ContainerBroker(db, account=args.account, container=args.container)
    with broker.get() as conn:  # read directly: get_info would fold the server's .pending file too
        policy_index = conn.execute("SELECT storage_policy_index FROM container_stat").fetchone()[0]
        deleted = conn.execute("SELECT status FROM container_stat").fetchone()[0] == "DELETED"
    if deleted:
        raise FillError("container DB %s is marked deleted" % db)
    for start in range(0, args.objects, args.batch):
        broker.merge_items(rows(args, created_at, etag, policy_index, start, min(start + args.batch, args.objects)))
    stats = broker.get_policy_stats()
    return (stats.get(policy_index) or {}).get("object_count", 0)


def request(method, url, token):
    req = urllib.request.Request(url, method=method, headers={"X-Auth-Token": token})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.URLError as e:  # HTTPError (a status >= 400) is one
        raise FillError("%s %s: %s" % (method, url, e))


def verify(args):
    """Reads the container back through the API: object count, and the first, a middle and the last page."""
    url = args.verify_url.rstrip("/") + "/" + urllib.parse.quote(args.container)
    _, headers, _ = request("HEAD", url, args.verify_token)
    count = int(headers.get("X-Container-Object-Count", "-1"))
    if count != args.objects:
        raise FillError("HEAD %s: X-Container-Object-Count %d, expected %d" % (url, count, args.objects))
    pages = (args.objects + args.limit - 1) // args.limit
    for page in sorted({0, pages // 2, pages - 1}):
        first = page * args.limit
        query = {"format": "json", "limit": str(args.limit)}
        if page > 0:
            query["marker"] = args.name_format.format(first - 1)
        _, _, body = request("GET", url + "?" + urllib.parse.urlencode(query), args.verify_token)
        got = [o["name"] for o in json.loads(body)]
        want = [args.name_format.format(i) for i in range(first, min(first + args.limit, args.objects))]
        if got != want:
            raise FillError("GET page %d of %s: %d names (%s..%s), expected %d (%s..%s)"
                            % (page, url, len(got), got[:1], got[-1:], len(want), want[0], want[-1]))
    return count, pages


def main(argv):
    args = parse_args(argv)
    try:
        dbs = replica_dbs(args)
        wait_for(dbs, args.wait, args.account, args.container)
        created_at = Timestamp(args.timestamp if args.timestamp else time.time()).internal
        etag = hashlib.md5(b"\0" * args.size).hexdigest()  # the body of zero bytes, as a PUT of it would record
        for device, db in dbs:
            started = time.monotonic()
            count = fill(args, db, created_at, etag)
            print("fill-container: %s: merge_items of %d rows, object count %d (%.1f s)"
                  % (db, args.objects, count, time.monotonic() - started))
            if count != args.objects:
                raise FillError("%s holds %d objects after the fill, expected %d (other objects in it?)"
                                % (db, count, args.objects))
        if args.verify_url:
            count, pages = verify(args)
            print("fill-container: through the API: object count %d; pages 1, %d and %d of %d hold the right %d names"
                  % (count, pages // 2 + 1, pages, pages, args.limit))
    except FillError as e:
        print("fill-container: ERROR: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
