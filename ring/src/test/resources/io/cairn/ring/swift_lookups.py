# Builds rings with Debian's Swift 2.30.1 and answers lookups with swift.common.ring.Ring, for
# RingLookupIT. argv[1]: directory for the ring files; argv[2:]: extra ring files (written by Java) to
# answer lookups for too. stdin: names, one "a\tc\to" per line (empty c/o = none).
# stdout, per ring: "ring <file>", then "n <line> <part> <primary ids> <handoff ids>" for each name
# and "p <part> <handoff ids>" for the first partitions; ids comma-separated, "-" when none.
import array
import itertools
import os
import random
import sys

from swift.common import utils
from swift.common.ring import Ring, RingBuilder, RingData

utils.HASH_PATH_PREFIX = b'cairn-prefix'
utils.HASH_PATH_SUFFIX = b'cairn-suffix'
out_dir = sys.argv[1]
MAX_HANDOFFS = 40


def dev(region, zone, ip, port, name, weight):
    return {'region': region, 'zone': zone, 'ip': ip, 'port': port,
            'replication_ip': ip, 'replication_port': port + 1000,
            'device': name, 'weight': weight, 'meta': ''}


def built(name, part_power, replicas, devs, remove=(), zero_weight=()):
    b = RingBuilder(part_power, replicas, 0)
    for d in devs:
        b.add_dev(d)
    b.rebalance(seed=1)
    if remove or zero_weight:
        for i in remove:
            b.remove_dev(i)
        b.pretend_min_part_hours_passed()
        b.rebalance(seed=2)
        for d in zero_weight:
            b.add_dev(d)  # added with weight 0 after the rebalance: holds no partitions
    b.get_ring().save(os.path.join(out_dir, name))
    return name


def handmade(name, part_power, devs, rows):
    rd = RingData([array.array('H', r) for r in rows], devs, 32 - part_power, None, 3)
    rd.save(os.path.join(out_dir, name))
    return name


rings = []
# one region, 4 zones x 2 servers x 2 disks, 3 replicas, part power 8
rings.append(built('r3.ring.gz', 8, 3, [
    dev(1, z, '10.0.%d.%d' % (z, s), 6200, 'd%d' % d, 100.0)
    for z in range(1, 5) for s in range(1, 3) for d in range(2)]))
# fractional 2.25 replicas, two regions, part power 8
rings.append(built('frac.ring.gz', 8, 2.25, [
    dev(r, z, '10.%d.%d.1' % (r, z), 6200, 'd%d' % d, 50.0 + 25 * d)
    for r in (1, 2) for z in (1, 2, 3) for d in range(2)]))
# three regions, uneven zones and weights, part power 10
rings.append(built('regions.ring.gz', 10, 3, [
    dev(r, z, '10.%d.%d.%d' % (r, z, s), 6200 + s, 'sd%s' % c, w)
    for r, zones in ((1, 3), (2, 2), (3, 1)) for z in range(zones) for s in (1, 2)
    for c, w in (('a', 100.0), ('b', 200.0))]))
# removed devices leave holes; a zero-weight device holds no partitions; part power 10, 3 replicas
rings.append(built('holes.ring.gz', 10, 3, [
    dev(1 + (i % 2), i % 5, '10.9.%d.1' % (i % 5), 6200, 'h%d' % i, 100.0) for i in range(12)],
    remove=(3, 7), zero_weight=[dev(3, 9, '10.9.99.1', 6200, 'spare', 0.0)]))
# part power 17 (inc = 2 in the handoff scan), random assignment incl. a device holding two
# replicas of a partition and a device without partitions
rnd = random.Random(5)
devs17 = [dev(1 + i % 3, i % 4, '10.17.%d.%d' % (i % 4, i % 3), 6200, 'x%d' % i, 1.0)
          for i in range(14)]
for i, d in enumerate(devs17):
    d['id'] = i
devs17[6] = None
parts17 = 1 << 17
live = [i for i in range(13) if devs17[i] is not None]  # device 13 gets no partitions
rows17 = [[rnd.choice(live) for _ in range(parts17)] for _ in range(2)]
rows17.append([rnd.choice(live) for _ in range(parts17 // 4)])
rings.append(handmade('pp17.ring.gz', 17, devs17, rows17))

names = []
for line in sys.stdin.buffer.read().decode('utf-8').split('\n'):
    if line:
        a, c, o = line.split('\t')
        names.append((a, c or None, o or None))


def ids(nodes):
    return ','.join(str(n['id']) for n in nodes) or '-'


w = sys.stdout.write
for path in [os.path.join(out_dir, r) for r in rings] + sys.argv[2:]:
    ring = Ring(path)
    w('ring %s\n' % os.path.basename(path))
    for i, (a, c, o) in enumerate(names):
        part, prim = ring.get_nodes(a, c, o)
        more = itertools.islice(ring.get_more_nodes(part), MAX_HANDOFFS)
        w('n %d %d %s %s\n' % (i, part, ids(prim), ids(more)))
    for part in range(min(ring.partition_count, 1100)):
        w('p %d %s\n' % (part, ids(ring.get_more_nodes(part))))
