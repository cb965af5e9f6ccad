"""The one way the build scripts here write their tables: a ``#`` header line, then tab-separated rows."""
from __future__ import annotations

from pathlib import Path


def write_table(rows, name: str, header: str) -> None:
    target = Path(__file__).with_name(name)
    with target.open("w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} rows -> {target}")
