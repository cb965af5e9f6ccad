"""``operator-console demo``: build the reproducible demo workspace."""
from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("demo", help="build a reproducible demo workspace")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p.add_argument("--scale", choices=["small", "large"], default="small",
                   help="small: ~2,000 customers; large: ≥100k customers, ≥1M behaviour events")
    p.add_argument("--replace", action="store_true", help="wipe a workspace that already holds data")
    p.set_defaults(handler=run)


def run(args) -> int:
    from engine.demo import build_demo
    from engine.progress import TerminalState
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    counts = build_demo(ws, seed=args.seed, scale=args.scale, replace=args.replace,
                        state=TerminalState())
    print(json.dumps({"workspace": ws.display_name, "seed": args.seed, "scale": args.scale,
                      "rows": counts}, ensure_ascii=False, indent=2))
    ws.dispose()
    return 0
