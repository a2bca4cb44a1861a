#!/usr/bin/python3
"""Asks every device for its suffix hashes of every partition (REPLICATE /<dev>/<part>, straight to the
servers, not through the relays) and reports the partitions whose hashes differ between devices.

usage: check_sync.py PART_POWER IP:PORT/DEVICE [...]

Exit 0 when all devices agree on every partition, 1 otherwise.
"""
import http.client
import json
import pickle
import sys

if len(sys.argv) < 4:
    sys.exit(__doc__)
part_power = int(sys.argv[1])
targets = []
for arg in sys.argv[2:]:
    hostport, device = arg.split("/", 1)
    host, port = hostport.rsplit(":", 1)
    targets.append((http.client.HTTPConnection(host, int(port), timeout=60), device))
differing, suffixes = [], 0
for part in range(2 ** part_power):
    answers = []
    for conn, device in targets:
        conn.request("REPLICATE", "/%s/%d" % (device, part), headers={"Content-Length": "0"})
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            sys.exit("REPLICATE /%s/%d answered %d" % (device, part, resp.status))
        answers.append(pickle.loads(body))
    suffixes += len(answers[0])
    if any(a != answers[0] for a in answers[1:]):
        differing.append(part)
print(json.dumps({"partitions": 2 ** part_power, "suffixes": suffixes, "differing_partitions": len(differing),
                  "first_differing": differing[:10]}))
sys.exit(1 if differing else 0)
