#!/usr/bin/python3
"""Counting TCP relay for replication-pass.sh (loopback only).

usage: relay.py STATS_JSON LISTEN_IP:PORT=TARGET_IP:PORT [...]

Forwards every accepted connection to its target and counts TCP payload bytes each way (client->server is
what the replicator sent, server->client what it received; TCP/IP headers are not counted), connections,
and requests by verb (REPLICATE, SSYNC, other) seen at the start of request lines from the client.
On SIGTERM or SIGINT it writes the totals (and per listen port) to STATS_JSON and exits.
"""
import asyncio
import json
import os
import signal
import sys

VERBS = (b"REPLICATE /", b"SSYNC /")


def new_counts():
    return {"bytes_sent": 0, "bytes_received": 0, "connections": 0, "replicate_requests": 0, "ssync_sessions": 0}


class Relay:
    def __init__(self, stats_path, pairs):
        self.stats_path = stats_path
        self.pairs = pairs
        self.per_port = {listen: new_counts() for listen, _ in pairs}

    async def pump(self, reader, writer, counts, upstream):
        partial = b""  # the unfinished last line (its first 64 bytes are enough to see a verb)
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if upstream:
                    counts["bytes_sent"] += len(data)
                    lines = (partial + data).split(b"\n")
                    for line in lines[:-1]:
                        if line.startswith(VERBS[0]):
                            counts["replicate_requests"] += 1
                        elif line.startswith(VERBS[1]):
                            counts["ssync_sessions"] += 1
                    partial = lines[-1][:64]
                else:
                    counts["bytes_received"] += len(data)
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            try:
                if writer.can_write_eof():
                    writer.write_eof()
            except (ConnectionError, OSError, RuntimeError):
                writer.close()

    async def handle(self, listen, target, creader, cwriter):
        counts = self.per_port[listen]
        counts["connections"] += 1
        host, port = target.rsplit(":", 1)
        try:
            sreader, swriter = await asyncio.open_connection(host, int(port))
        except OSError:
            cwriter.close()
            return
        await asyncio.gather(self.pump(creader, swriter, counts, True), self.pump(sreader, cwriter, counts, False))
        swriter.close()
        cwriter.close()

    def write_stats(self):
        total = new_counts()
        for c in self.per_port.values():
            for k, v in c.items():
                total[k] += v
        with open(self.stats_path + ".tmp", "w") as f:
            json.dump({"total": total, "per_port": self.per_port}, f, indent=1)
        os.replace(self.stats_path + ".tmp", self.stats_path)

    async def main(self):
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        servers = []
        for listen, target in self.pairs:
            host, port = listen.rsplit(":", 1)
            servers.append(await asyncio.start_server(
                lambda r, w, l=listen, t=target: self.handle(l, t, r, w), host, int(port), reuse_address=True))
        with open(self.stats_path + ".ready", "w") as f:
            f.write("ready\n")
        await stop.wait()
        for s in servers:
            s.close()
        self.write_stats()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    asyncio.run(Relay(sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]).main())
