"""``operator-console screenshot``: render a pane with the current workspace to a PNG."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("screenshot", help="render a pane to a PNG offscreen")
    p.add_argument("--pane", required=True, help="pane name (profiles, fraud, avatars, …)")
    p.add_argument("out", help="PNG file to write")
    p.add_argument("--size", default="1360x860", help="window size WxH (default 1360x860)")
    p.add_argument("--theme", choices=["light", "dark"], help="override the theme")
    p.add_argument("--language", choices=["en", "zh_CN"], help="override the UI language")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds to wait for the pane's background loading")
    p.set_defaults(handler=run)


def run(args) -> int:
    from engine.errors import InputError

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError as exc:
        raise InputError(f"'{args.size}' is not WxH, e.g. 1360x860", place="--size") from exc

    from console.app import create_window, get_app, resolve_url, wait_until_idle
    from console.panes import pane_spec
    from console.settings import load_settings
    from engine.store import open_workspace

    get_app(offscreen=True)
    try:
        pane_spec(args.pane)
    except KeyError as exc:
        raise InputError(exc.args[0], place="--pane") from exc
    settings = load_settings()
    if args.theme:
        settings.theme = args.theme
    if args.language:
        settings.language = args.language
    ws = open_workspace(resolve_url(args.db, settings))
    window = create_window(ws, settings)
    window.resize(width, height)
    window.show()
    window.show_pane(args.pane)
    wait_until_idle(window, args.timeout)
    image = window.grab().toImage()
    if not image.save(args.out):
        raise InputError("could not write the PNG", place=args.out)
    print(f"wrote {args.out} ({image.width()}x{image.height()})")
    window.tasks.shutdown()
    window.deleteLater()
    return 0
