# Loads builder files with Debian's Swift 2.30.1 (RingBuilder.load, as swift-ring-builder does) and prints each as
# one JSON line: the state Swift sees, plus Swift's own checks of it. argv: builder files.
#   graph_same / graph_order_same / dispersion_same: the file's _dispersion_graph and dispersion equal what
#       Swift's _build_dispersion_graph computes from the same rows (same tiers, counts and dict order)
#   validate: "ok" if RingBuilder.validate() passes (rebalanced builders only), else its message
#   remove_devs_shared: every _remove_devs entry is the very dict of devs, as in a builder Swift saved
import copy
import json
import sys

from swift.common.ring.builder import RingBuilder

for path in sys.argv[1:]:
    b = RingBuilder.load(path)
    rows = b._replica2part2dev
    out = {
        'part_power': b.part_power, 'next_part_power': b.next_part_power, 'replicas': b.replicas,
        'min_part_hours': b.min_part_hours, 'parts': b.parts, 'devs_changed': b.devs_changed,
        'version': b.version, 'overload': b.overload, 'id': b._id,
        'devs': [None if d is None else {k: v for k, v in d.items() if k != 'parts_wanted'} for d in b.devs],
        'rows': None if rows is None else [list(r) for r in rows],
        'row_typecodes': None if rows is None else sorted(set(r.typecode for r in rows)),
        'last_part_moves': list(b._last_part_moves), 'last_part_moves_typecode': b._last_part_moves.typecode,
        'last_part_moves_epoch': b._last_part_moves_epoch, 'last_part_gather_start': b._last_part_gather_start,
        'remove_devs': [d['id'] for d in b._remove_devs],
        'remove_devs_shared': all(d is b.devs[d['id']] for d in b._remove_devs),
        'min_part_seconds_left': b.min_part_seconds_left, 'dispersion': b.dispersion,
    }
    if rows is not None:
        graph, dispersion = copy.deepcopy(b._dispersion_graph), b.dispersion
        b._build_dispersion_graph()
        out['graph_same'] = graph == b._dispersion_graph
        out['graph_order_same'] = list(graph) == list(b._dispersion_graph)
        out['dispersion_same'] = dispersion == b.dispersion
        try:
            b.validate()
            out['validate'] = 'ok'
        except Exception as e:
            out['validate'] = '%s: %s' % (type(e).__name__, e)
    print(json.dumps(out, sort_keys=True))
