"""``python -m tests.replica --port PORT --articles N [--seed S] [--faults RATE]``."""

from __future__ import annotations

import argparse
import logging
import threading

from tests.replica.faults import KINDS, MAX_HANG_SECONDS
from tests.replica.server import ReplicaServer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.replica", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8089, help="0 picks a free port")
    parser.add_argument("--articles", type=int, default=20, help="articles per site")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--faults", type=float, default=0.0, help="share of faulted requests")
    parser.add_argument("--hang-seconds", type=float, default=MAX_HANG_SECONDS)
    parser.add_argument("--slow-seconds", type=float, default=2.0)
    parser.add_argument("--fault-kinds", default=",".join(KINDS), help="comma-separated")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    server = ReplicaServer(
        args.articles,
        args.seed,
        args.faults,
        host=args.host,
        port=args.port,
        hang_seconds=args.hang_seconds,
        slow_seconds=args.slow_seconds,
        fault_kinds=tuple(k for k in args.fault_kinds.split(",") if k),
    ).start()
    print(f"replica serving {len(server.sites)} sites at {server.url} (Ctrl-C to stop)")
    for key, site in sorted(server.sites.items()):
        print(f"  {key:22} {', '.join(site.hosts)}")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
