"""Launch-to-first-paint time of the console on a demo workspace.

    python -m benchmarks.startup [--runs 5] [--db URL]

Builds a small demo workspace (unless --db is given), then starts ``operator-console`` as a fresh
process several times with the hidden ``--startup-probe`` flag, which prints the seconds from
interpreter start of the console module to the main window's first paint and quits.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        env["OPERATOR_CONSOLE_CONFIG_DIR"] = tmp
        url = args.db
        if not url:
            url = f"sqlite:///{Path(tmp) / 'demo.sqlite'}"
            subprocess.run([sys.executable, "-m", "console.cli", "--db", url, "demo"], check=True,
                           env=env, capture_output=True)
        inner, outer = [], []
        exits = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            # the clock stops when the probe's line arrives, not when the process has exited
            proc = subprocess.Popen([sys.executable, "-m", "console.cli", "--db", url,
                                     "--startup-probe"], env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            seen = []
            for ln in proc.stdout:
                seen.append(ln)
                if ln.startswith("first paint"):
                    outer.append(time.perf_counter() - t0)
                    inner.append(float(ln.split()[3]))
                    break
            proc.wait(timeout=120)
            exits.append(time.perf_counter() - t0)
            if len(outer) < len(exits):
                sys.exit(f"no first paint reported:\n{''.join(seen)}\n{proc.stderr.read()}")
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"process start -> first paint (wall, incl. interpreter): median {statistics.median(outer):.2f} s, "
          f"max {max(outer):.2f} s")
    print(f"process start -> process exit after the paint: median {statistics.median(exits):.2f} s")
    print(f"console import -> first paint: median {statistics.median(inner):.2f} s")


if __name__ == "__main__":
    main()
