"""``operator-console``: launches the console, or runs a batch subcommand.

Subcommands live in ``console/commands/<name>.py``; each module has ``register(subparsers)``
that adds its parser and sets ``handler=fn(args) -> int``.

Exit codes: 0 ok, 1 other expected error, 2 bad input or usage, 3 workspace cannot be opened,
130 cancelled.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from engine.errors import Cancelled, InputError, NotFoundError, OperatorError, WorkspaceError

EXIT_ERROR, EXIT_USAGE, EXIT_WORKSPACE, EXIT_CANCELLED = 1, 2, 3, 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="operator-console",
        description="Operator Console: customer profiles, fraud review, default avatars, "
                    "expression capture and dwell-time nudges. Without a subcommand it opens "
                    "the console window.",
    )
    parser.add_argument("--db", metavar="URL",
                        help="workspace database: sqlite:///file.sqlite (default: one in your data "
                             "folder) or postgresql+psycopg://user@host/db; also OPERATOR_CONSOLE_DB")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import console.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"console.commands.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    return parser


def fail(message: str, code: int) -> int:
    print(f"operator-console: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command is None:
            from console.app import run_gui

            return run_gui(args.db, startup_probe=args.startup_probe)
        return int(args.handler(args) or 0)
    except WorkspaceError as exc:
        return fail(str(exc), EXIT_WORKSPACE)
    except (InputError, NotFoundError) as exc:
        return fail(str(exc), EXIT_USAGE)
    except Cancelled:
        return fail("cancelled", EXIT_CANCELLED)
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_CANCELLED)
    except OperatorError as exc:
        return fail(str(exc), EXIT_ERROR)


if __name__ == "__main__":
    sys.exit(main())
