"""``operator-console avatars``: generate default avatars from files or for the workspace."""
from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("avatars", help="distinct default avatars from user portraits")
    cmds = p.add_subparsers(dest="avatars_command", metavar="ACTION", required=True)

    g = cmds.add_parser("generate", help="USERS.jsonl [+ GROUPS.jsonl] → DIR/<user_id>.png + "
                                         "DIR/manifest.json (the workspace is not touched)")
    g.add_argument("users", metavar="USERS.jsonl")
    g.add_argument("--groups", metavar="GROUPS.jsonl",
                   help='group chats, one {"group_id", "members": [...]} per line')
    g.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    g.add_argument("--size", type=int, default=128, help="PNG size in px, 64–512 (default 128)")
    g.add_argument("--svg", action="store_true", help="also write DIR/<user_id>.svg")
    g.add_argument("--mark", choices=["initial", "badge", "none"], default="initial",
                   help="corner mark: the nickname's initial (default), a badge, or none")
    g.add_argument("--shape", choices=["circle", "rounded", "square"], default="circle")
    g.add_argument("--threshold", type=float, default=None,
                   help="minimum perceptual distance between co-occurring avatars (ΔE units)")
    g.set_defaults(handler=run_generate)

    a = cmds.add_parser("assign", help="assign default avatars to every user of the workspace "
                                       "without one (valid existing avatars are kept)")
    a.add_argument("--regenerate", nargs="+", metavar="USER_ID",
                   help="give these users a new avatar instead")
    a.set_defaults(handler=run_assign)

    s = cmds.add_parser("settings", help="show or change personalisation and selection settings")
    s.add_argument("--mark", choices=["initial", "badge", "none"])
    s.add_argument("--shape", choices=["circle", "rounded", "square"])
    s.add_argument("--threshold", type=float)
    s.add_argument("--clique-max", type=int, dest="clique_max")
    s.add_argument("--window", type=int)
    s.set_defaults(handler=run_settings)

    ap = cmds.add_parser("add-picture", help="add a picture to the workspace library: a PNG/JPEG "
                                             "or a JSON shape spec")
    ap.add_argument("file")
    ap.add_argument("--title", required=True)
    ap.add_argument("--theme", required=True)
    ap.add_argument("--tags", default="", help='e.g. "motif:cat, age:child=0.8"')
    ap.set_defaults(handler=run_add_picture)


def run_generate(args) -> int:
    from engine.avatars.batch import generate, read_groups, read_users
    from engine.avatars.perceptual import DEFAULT_THRESHOLD
    from engine.progress import TerminalState

    users = read_users(args.users)
    groups = read_groups(args.groups) if args.groups else []
    manifest = generate(users, groups, args.out, size=args.size, svg=args.svg, mark=args.mark,
                        shape=args.shape,
                        threshold=DEFAULT_THRESHOLD if args.threshold is None else args.threshold,
                        state=TerminalState())
    statuses: dict[str, int] = {}
    for entry in manifest.values():
        statuses[entry["status"]] = statuses.get(entry["status"], 0) + 1
    print(json.dumps({"written": len(manifest), "skipped_with_avatar": len(users) - len(manifest),
                      "statuses": statuses, "out": args.out}, ensure_ascii=False))
    return 0


def run_assign(args) -> int:
    from engine.avatars import flow
    from engine.progress import TerminalState
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        if args.regenerate:
            counts = flow.regenerate(ws, args.regenerate, by="cli", state=TerminalState())
        else:
            counts = flow.assign_all(ws, state=TerminalState())
    finally:
        ws.dispose()
    print(json.dumps(counts))
    return 0


def run_settings(args) -> int:
    from engine.avatars import store
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        changes = {k: getattr(args, k) for k in ("mark", "shape", "threshold", "clique_max",
                                                  "window") if getattr(args, k) is not None}
        with ws.session() as s:
            values = store.save_settings(s, {**store.load_settings(s), **changes}) if changes \
                else store.load_settings(s)
    finally:
        ws.dispose()
    print(json.dumps(values))
    return 0


def run_add_picture(args) -> int:
    from engine.avatars import manage
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        pid = manage.add_picture_file(ws, args.file, title=args.title, theme=args.theme,
                                      tags=args.tags, by="cli")
    finally:
        ws.dispose()
    print(json.dumps({"picture_id": pid}))
    return 0
