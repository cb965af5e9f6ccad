"""``operator-console profiles``: import chats / directory events, extract profiles to JSON."""
from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("profiles", help="customer profiles from IM chats")
    ps = p.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)
    imp = ps.add_parser("import", help="import a chat file (JSON Lines or Telegram Desktop JSON export) "
                                       "or a directory / friend-add / operation event file")
    imp.add_argument("file")
    imp.add_argument("--strict", action="store_true", help="refuse the whole file if any line is bad")
    imp.add_argument("--no-extract", action="store_true", help="store messages without extracting fields")
    imp.add_argument("--no-ocr", action="store_true", help="do not read images (OCR/QR)")
    imp.add_argument("--by", default="import", help="who is recorded as the importer")
    imp.set_defaults(handler=run_import)
    ext = ps.add_parser("extract", help="extract profiles from a chat file to JSON (no workspace needed)")
    ext.add_argument("file")
    ext.add_argument("--out", required=True, help="output JSON file ('-' for stdout)")
    ext.add_argument("--strict", action="store_true", help="refuse the whole file if any line is bad")
    ext.add_argument("--no-ocr", action="store_true", help="do not read images (OCR/QR)")
    ext.set_defaults(handler=run_extract)


def _report_errors(errors: list[str]) -> None:
    for e in errors[:20]:
        print(f"warning: {e}", file=sys.stderr)
    if len(errors) > 20:
        print(f"warning: … and {len(errors) - 20} more", file=sys.stderr)


def run_import(args) -> int:
    from engine.profiles.service import import_file
    from engine.progress import TerminalState
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        counts = import_file(ws, args.file, strict=args.strict, extract=not args.no_extract,
                             ocr=not args.no_ocr, by=args.by, state=TerminalState())
    finally:
        ws.dispose()
    errors = counts.pop("errors", []) + counts.pop("image_errors", [])
    _report_errors(errors)
    print(json.dumps(counts, ensure_ascii=False, indent=2))
    return 1 if counts.get("bad_lines") else 0


def run_extract(args) -> int:
    from engine.errors import InputError
    from engine.profiles.export import extract_file
    from engine.progress import TerminalState

    doc = extract_file(args.file, strict=args.strict, ocr=not args.no_ocr, state=TerminalState())
    errors = doc.pop("errors")
    _report_errors(errors)
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    if args.out == "-":
        print(text)
    else:
        try:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", place=args.out) from exc
        print(f"wrote {args.out}: {len(doc['customers'])} customers", file=sys.stderr)
    return 1 if errors else 0
