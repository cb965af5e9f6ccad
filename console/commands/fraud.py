"""``operator-console fraud``: detect fraud groups in a behaviour log, import logs, decide."""
from __future__ import annotations

import json
import sys

# Defaults are repeated from engine.fraud.params.Params so building --help stays light; a test
# checks that the two agree.
_OPTIONS = [
    ("--behaviours", str, "follow,barrage,gift,like", "comma-separated actions that count"),
    ("--window", int, 120, "seconds: users acting on the same target within one window are linked"),
    ("--slot", int, 60, "seconds per time slot of the behaviour vectors"),
    ("--similarity", float, 0.10, "prune pairs whose TF-IDF cosine similarity is below this"),
    ("--min-common-slots", int, 4, "prune pairs active together in fewer slots than this"),
    ("--attach-similarity", float, 0.05, "weaker similarity that may still attach an account"),
    ("--attach-links", int, 2, "weak links into a group an account needs to join it (0: off)"),
    ("--min-user-events", int, 3, "ignore accounts with fewer events of the behaviours"),
    ("--bucket-cap", int, 24, "targets-windows/devices/IPs with more users get capped links"),
    ("--neighbours", int, 4, "links per user and MinHash order inside a capped bucket"),
    ("--min-cooccur", int, 2, "target-window pairs must co-occur in this many windows"),
    ("--min-group-size", int, 5, "smallest group reported"),
    ("--device-ratio", float, 5.0, "accounts per device counted as fully suspicious"),
    ("--ip-ratio", float, 5.0, "accounts per IP counted as fully suspicious"),
    ("--min-score", float, 30.0, "smallest score (0-100) reported"),
    ("--split-above", int, 400, "split components larger than this into communities (0: never)"),
]


def register(sub) -> None:
    p = sub.add_parser("fraud", help="fraud group detection on behaviour logs")
    fsub = p.add_subparsers(dest="fraud_command", metavar="ACTION", required=True)

    d = fsub.add_parser("detect", help="find suspect groups in a log and write them as JSON")
    d.add_argument("events", metavar="EVENTS",
                   help="CSV or Parquet log (user_id, action, target_id, ts, device_id, ip), "
                        "or ws:NAME for a log imported into the workspace")
    d.add_argument("--out", required=True, help="JSON file to write ('-' for stdout)")
    for flag, typ, default, text in _OPTIONS:
        d.add_argument(flag, type=typ, default=default, help=f"{text} (default {default})")
    d.add_argument("--evidence", action="store_true",
                   help="also write each group's evidence (edges, devices, IPs, slots, heatmap)")
    d.add_argument("--save", action="store_true",
                   help="store the run in the workspace (the console shows it; earlier "
                        "decisions are matched to the new groups)")
    d.add_argument("--user", default="cli", help="who ran it (stored with --save)")
    d.set_defaults(handler=run_detect)

    i = fsub.add_parser("import", help="load a behaviour log into the workspace for the console")
    i.add_argument("events", metavar="EVENTS", help="CSV or Parquet log")
    i.add_argument("--name", help="log name in the workspace (default: the file name)")
    i.add_argument("--replace", action="store_true", help="overwrite a log of the same name")
    i.add_argument("--user", default="cli", help="who imported it")
    i.set_defaults(handler=run_import)

    g = fsub.add_parser("decide", help="record a decision on a stored group")
    g.add_argument("group", type=int, help="group number (as the console shows it)")
    g.add_argument("status", choices=["confirmed", "dismissed", "needs_review"])
    g.add_argument("--note", help="note to store with the decision")
    g.add_argument("--user", required=True, help="who decides")
    g.set_defaults(handler=run_decide)


def params_from_args(args):
    from engine.fraud.params import Params

    values = {flag[2:].replace("-", "_"): getattr(args, flag[2:].replace("-", "_"))
              for flag, *_ in _OPTIONS}
    return Params.from_dict(values)


def run_detect(args) -> int:
    from engine.fraud.io import load_events
    from engine.fraud.pipeline import detect, public_json
    from engine.progress import SubState, TerminalState

    params = params_from_args(args)
    state = TerminalState()
    ws = None
    log_id = None
    if args.events.startswith("ws:"):
        from engine.fraud.store import list_logs, load_log
        from engine.errors import NotFoundError
        from engine.store import open_workspace

        ws = open_workspace(args.db)
        name = args.events[3:]
        logs = {x["name"]: x["id"] for x in list_logs(ws)}
        if name not in logs:
            raise NotFoundError(f"no log named '{name}' in {ws.display_name} "
                                f"(logs: {', '.join(logs) or 'none'})")
        log_id = logs[name]
        state.set_progress(0.0, "reading log")
        events = load_log(ws, log_id, state=SubState(state, 0.0, 0.2))
    else:
        state.set_progress(0.0, f"reading {args.events}")
        events = load_events(args.events)
    result = detect(events, params, state=SubState(state, 0.2, 1.0))
    out = public_json(result, evidence=args.evidence)
    if args.save:
        from engine.fraud.store import save_run
        from engine.store import open_workspace

        ws = ws or open_workspace(args.db)
        saved = save_run(ws, result, log_id=log_id, source=args.events, user=args.user)
        out["stats"]["saved_run"] = saved["run_id"]
        out["stats"]["matched_decisions"] = saved["matched"]
        from engine.fraud.store import load_run

        stored = load_run(ws, saved["run_id"])["groups"]
        for item, g in zip(out["groups"], stored):
            item["group"] = g["group_id"]  # the number `fraud decide` takes
            if g["status"]:
                when = g["decided_at"].strftime("%Y-%m-%d") if g["decided_at"] else ""
                note = f": {g['note']}" if g["note"] else ""
                item["reasons"].append(
                    f"earlier decision {g['status']} by {g['decided_by']} on {when} "
                    f"({g['match']:.0%} same members){note}")
    text = json.dumps(out, ensure_ascii=False, indent=1)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
        s = result["stats"]
        print(f"{s['groups']} groups ({s['flagged_accounts']} accounts) from {s['events']:,} "
              f"events in {s['seconds']:.1f} s → {args.out}", file=sys.stderr)
    if ws is not None:
        ws.dispose()
    return 0


def run_import(args) -> int:
    from pathlib import Path

    from engine.fraud.io import load_events
    from engine.fraud.store import import_log
    from engine.progress import TerminalState
    from engine.store import open_workspace

    events = load_events(args.events)
    ws = open_workspace(args.db)
    log = import_log(ws, events, name=args.name or Path(args.events).name, source=args.events,
                     user=args.user, replace=args.replace, state=TerminalState())
    print(f"imported {log['events']:,} events of {log['users']:,} users as log '{log['name']}' "
          f"into {ws.display_name}")
    ws.dispose()
    return 0


def run_decide(args) -> int:
    from engine.fraud.store import decide
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    d = decide(ws, args.group, status=args.status, note=args.note, user=args.user)
    print(f"group {args.group}: {d['status']} by {d['decided_by']}")
    ws.dispose()
    return 0
