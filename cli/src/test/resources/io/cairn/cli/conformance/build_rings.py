# Builds a SAIO's rings with Swift 2.30.1's own RingBuilder in one process (swift-ring-builder costs a
# Python start per call): for each RING:PORT,PORT,... argument, RING.builder and RING.ring.gz in SWIFT_DIR
# with one device sdbN per port (node N = zone N, region 1, weight 1), then a rebalance.
#
# usage: build_rings.py SWIFT_DIR PART_POWER REPLICAS RING:PORT,PORT,... [RING:PORT,...]
import os
import sys

from swift.common.ring import RingBuilder

swift_dir, part_power, replicas = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
for spec in sys.argv[4:]:
    name, ports = spec.split(":")
    builder = RingBuilder(part_power, replicas, 1)
    for n, port in enumerate(ports.split(","), start=1):
        builder.add_dev({"id": n - 1, "region": 1, "zone": n, "ip": "127.0.0.1", "port": int(port),
                         "replication_ip": "127.0.0.1", "replication_port": int(port),
                         "device": "sdb%d" % n, "weight": 1.0, "meta": ""})
    builder.rebalance()
    builder.save(os.path.join(swift_dir, name + ".builder"))
    builder.get_ring().save(os.path.join(swift_dir, name + ".ring.gz"))
