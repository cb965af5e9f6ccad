"""``operator-console nudges …``: evaluate, backtest, import/export rules, import events, deliver.

EVENTS and RULES are files (.csv/.parquet; .toml/.yaml/.json) or the word ``workspace``.
"""
from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("nudges", help="dwell-time nudges: evaluate, backtest, import, deliver")
    ns = p.add_subparsers(dest="nudges_command", metavar="ACTION", required=True)

    e = ns.add_parser("evaluate", help="who is due for a nudge at time T")
    e.add_argument("events", help="events file (.csv/.parquet) or 'workspace'")
    e.add_argument("--rules", required=True, help="rules file (.toml/.yaml/.json) or 'workspace'")
    e.add_argument("--at", required=True,
                   help="evaluation time: ISO-8601 (2026-10-05T12:00:00+08:00), epoch seconds "
                        "or 'now'")
    e.add_argument("--out", help="write {\"nudges\": [...]} here (default: stdout)")
    e.add_argument("--deliver", metavar="SENDER",
                   help="also add the nudges to the workspace outbox (once per visit, honouring "
                        "what it already holds) and send pending ones: log:FILE or a webhook URL")
    e.set_defaults(handler=run_evaluate)

    b = ns.add_parser("backtest", help="replay a log with thresholds; per-node table")
    b.add_argument("events", help="events file or 'workspace'")
    b.add_argument("--rules", required=True, help="rules file or 'workspace'")
    b.add_argument("--window", default="1d",
                   help="advance window after a nudge, e.g. 6h, 1d (default 1d)")
    b.add_argument("--set", action="append", default=[], metavar="PROCESS.NODE=DURATION",
                   help="override a threshold for this run (repeatable), e.g. loan.verify=45m")
    b.add_argument("--sent", choices=["none", "workspace"], default="none",
                   help="compare with nudges really sent (the workspace outbox)")
    b.add_argument("--json", dest="json_out", help="also write the result as JSON here")
    b.set_defaults(handler=run_backtest)

    ir = ns.add_parser("import-rules", help="store the processes of a rules file in the workspace")
    ir.add_argument("file")
    ir.set_defaults(handler=run_import_rules)
    er = ns.add_parser("export-rules", help="write the workspace's processes to a rules file")
    er.add_argument("file", help=".toml, .yaml or .json")
    er.set_defaults(handler=run_export_rules)
    ie = ns.add_parser("import-events", help="append an event file to the workspace")
    ie.add_argument("file")
    ie.add_argument("--replace", action="store_true", help="remove the stored events first")
    ie.set_defaults(handler=run_import_events)
    d = ns.add_parser("deliver", help="send the outbox's pending nudges")
    d.add_argument("--sender", required=True, help="log:FILE or an http(s) webhook URL")
    d.set_defaults(handler=run_deliver)


def _workspace(args):
    from engine.store import open_workspace

    return open_workspace(args.db)


def _events(spec: str, args, state):
    from engine.nudges.events import load_events

    if spec == "workspace":
        from engine.nudges.store import workspace_events

        return workspace_events(_workspace(args), state=state)
    return load_events(spec)


def _rules(spec: str, args):
    from engine.nudges.rules import load_rules

    if spec == "workspace":
        from engine.nudges.store import require_processes

        return require_processes(_workspace(args))
    return load_rules(spec)


def run_evaluate(args) -> int:
    from engine.nudges.events import parse_time
    from engine.nudges.nudging import run_evaluation
    from engine.progress import SubState, TerminalState

    at = parse_time(args.at)
    state = TerminalState()
    processes = _rules(args.rules, args)
    events = _events(args.events, args, SubState(state, 0, 0.3))
    history = None
    ws = None
    if args.deliver:
        from engine.nudges.senders import make_sender
        from engine.nudges.store import history as load_history

        sender = make_sender(args.deliver)
        ws = _workspace(args)
        history = load_history(ws, [p.id for p in processes])
    out = run_evaluation(events, processes, at, history, state=SubState(state, 0.3, 0.9))
    doc = {"nudges": [n.as_json() for n in out.nudges]}
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        print(text)
    for err in out.errors:
        print(f"template error, not sent: process '{err['process_id']}' > node "
              f"'{err['node_id']}' > {err['language']} for user {err['user_id']}: {err['error']}",
              file=sys.stderr)
    removed = ", ".join(f"{k} {v}" for k, v in out.removed.items() if v)
    print(f"{len(out.nudges)} nudges due" + (f" (removed: {removed})" if removed else ""),
          file=sys.stderr)
    if ws is not None:
        from engine.nudges.store import dispatch, enqueue

        new = enqueue(ws, out.nudges, at)
        counts = dispatch(ws, sender)
        print(f"outbox: {new} new; delivered {counts['sent']}, failed {counts['failed']}, "
              f"retry later {counts['pending']}", file=sys.stderr)
        ws.dispose()
    return 1 if out.errors else 0


def run_backtest(args) -> int:
    from engine.errors import InputError
    from engine.nudges.backtest import backtest, format_table
    from engine.nudges.rules import parse_duration, with_threshold
    from engine.progress import SubState, TerminalState

    state = TerminalState()
    processes = _rules(args.rules, args)
    for item in args.set:
        try:
            key, value = item.split("=", 1)
            pid, nid = key.split(".", 1)
        except ValueError as exc:
            raise InputError(f"expected PROCESS.NODE=DURATION, got {item!r}", place="--set") from exc
        proc = next((p for p in processes if p.id == pid), None)
        if proc is None or proc.node(nid) is None:
            raise InputError(f"no node '{nid}' in process '{pid}'", place="--set")
        processes = with_threshold(processes, pid, nid, parse_duration(value, "--set"))
    window = parse_duration(args.window, "--window")
    events = _events(args.events, args, SubState(state, 0, 0.4))
    sent = None
    if args.sent == "workspace":
        from engine.nudges.store import outbox_rows

        sent = {(r["user_id"], r["process_id"], r["node_id"], r["visit_start_ns"]):
                r["evaluated_at_ns"] for r in outbox_rows(_workspace(args), "sent", limit=10**9)}
    result = backtest(events, processes, window_s=window, sent=sent,
                      state=SubState(state, 0.4, 1.0))
    print(format_table(result))
    if args.json_out:
        doc = {"nodes": result.rows(), "days": result.days,
               "per_day": {f"{p}.{n}": v for (p, n), v in result.per_day.items()}}
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
    return 0


def run_import_rules(args) -> int:
    from engine.nudges.rules import load_rules
    from engine.nudges.store import save_processes

    processes = load_rules(args.file)
    ws = _workspace(args)
    save_processes(ws, processes, user="cli")
    print(f"stored {len(processes)} process(es): {', '.join(p.id for p in processes)}")
    ws.dispose()
    return 0


def run_export_rules(args) -> int:
    from engine.nudges.rules import save_rules
    from engine.nudges.store import require_processes

    ws = _workspace(args)
    processes = require_processes(ws)
    save_rules(processes, args.file)
    print(f"wrote {len(processes)} process(es) to {args.file}")
    ws.dispose()
    return 0


def run_import_events(args) -> int:
    from engine.nudges.events import load_events
    from engine.nudges.store import clear_events, import_events
    from engine.progress import TerminalState

    events = load_events(args.file)
    ws = _workspace(args)
    if args.replace:
        clear_events(ws)
    n = import_events(ws, events, state=TerminalState())
    print(f"imported {n:,} events")
    ws.dispose()
    return 0


def run_deliver(args) -> int:
    from engine.nudges.senders import make_sender
    from engine.nudges.store import dispatch
    from engine.progress import TerminalState

    sender = make_sender(args.sender)
    ws = _workspace(args)
    counts = dispatch(ws, sender, state=TerminalState())
    print(json.dumps(counts))
    ws.dispose()
    return 0
