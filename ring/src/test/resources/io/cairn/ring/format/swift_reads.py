# Reads ring files with Debian's Swift 2.30.1 (RingData.load) and prints each as one JSON line:
# {"devs", "part_shift", "rows", "version", "next_part_power", "replica_count"}. argv: files.
import json
import sys

from swift.common.ring.ring import RingData

for path in sys.argv[1:]:
    rd = RingData.load(path)
    print(json.dumps({'devs': rd.devs, 'part_shift': rd._part_shift,
                      'rows': [list(r) for r in rd._replica2part2dev_id],
                      'version': rd.version, 'next_part_power': rd.next_part_power,
                      'replica_count': rd.replica_count}, sort_keys=True))
