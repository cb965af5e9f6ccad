"""Profiles benchmark: per-field precision/recall on the labelled corpus, extraction speed,
import time, OCR time per business card.

    python -m benchmarks.profiles [--quick] [--messages N] [--only corpus|extract|import|ocr ...]

--quick imports 100k messages and extrapolates to 1M (labelled as such); without it 1M are
imported for real.  Prints plain text; never run by pytest.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "engine" / "profiles" / "data"
TARGETS = {"phone": (0.97, 0.95), "email": (0.97, 0.95), "id_number": (0.97, 0.95), "name": (0.85, 0.85),
           "company": (0.85, 0.85), "city": (0.85, 0.85), "birthday": (0.85, 0.85), "budget": (0.85, 0.85)}


def corpus_scores() -> None:
    from engine.profiles.corpus import load_corpus, score

    parts = {p.stem.replace("corpus_", ""): load_corpus(p) for p in sorted(DATA.glob("corpus_*.txt"))}
    parts["all"] = [m for v in list(parts.values()) for m in v]
    for name, corpus in parts.items():
        res = score(corpus)
        res.pop("_errors")
        n = len(corpus)
        print(f"\n== corpus '{name}': {n} messages, {sum(len(m.labels) for m in corpus)} labelled facts")
        print(f"{'field':<11}{'P':>6}{'R':>6}{'tp':>5}{'fp':>4}{'fn':>4}  target")
        for field, r in res.items():
            t = TARGETS.get(field)
            ok = "" if not t else ("ok" if r["precision"] >= t[0] and r["recall"] >= t[1] else "BELOW")
            print(f"{field:<11}{r['precision']:6.2f}{r['recall']:6.2f}{r['tp']:5d}{r['fp']:4d}{r['fn']:4d}  {ok}")


def synthetic_messages(n: int, seed: int = 1):
    """``n`` chat messages reusing corpus texts, ~20 per conversation, 2 staff per 10k."""
    import numpy as np

    from engine.profiles.corpus import CORPUS_START, load_corpus

    lines = [m.message for p in sorted(DATA.glob("corpus_*.txt")) for m in load_corpus(p)]
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(lines), n)
    for i in range(n):
        src = lines[pick[i]]
        conv = i // 20
        yield {"id": f"b{i}", "conversation_id": f"bc{conv}",
               "sender_id": f"bs{conv % 500}" if src.role == "staff" else f"bu{conv}",
               "sender_role": src.role, "ts": (CORPUS_START + timedelta(seconds=i)).isoformat(), "text": src.text}


def _cpu() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def extraction_speed(n: int) -> None:
    from engine.profiles.extract import extract_conversation
    from engine.profiles.importers import _chat_message

    msgs = [_chat_message(r, "bench", Path(".")) for r in synthetic_messages(n)]
    c0 = time.process_time()
    t = time.perf_counter()
    facts = extract_conversation(msgs)
    dt = time.perf_counter() - t
    cpu = time.process_time() - c0
    print(f"\n== text extraction: {n:,} messages in {dt:.2f} s = {n / dt:,.0f} messages/s on one core "
          f"({n / cpu:,.0f}/s of CPU time; {len(facts):,} facts)")


def import_time(n: int, target: int) -> None:
    from engine.profiles.service import import_file
    from engine.store import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chat.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in synthetic_messages(n, seed=2):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        ws = open_workspace(f"sqlite:///{Path(tmp) / 'ws.sqlite'}")
        self0, kids0 = _cpu()
        t = time.perf_counter()
        counts = import_file(ws, path, ocr=False)
        dt = time.perf_counter() - t
        self1, kids1 = _cpu()
        ws.dispose()
    label = "measured" if n == target else f"EXTRAPOLATED linearly from {n:,} measured"
    load = os.getloadavg()[0]
    print(f"\n== import (SQLite, with extraction, {os.cpu_count()} cores, load average {load:.1f} at the end): "
          f"{n:,} messages in {dt:.1f} s ({n / dt:,.0f}/s, {counts['suggestions']:,} suggestions)")
    print(f"   CPU: {self1 - self0:.1f} s in the importing process + {kids1 - kids0:.1f} s in extraction workers")
    print(f"   1M messages: {dt * target / n:.0f} s wall ({label})")


def ocr_speed(cards: int) -> None:
    from engine.profiles.cards import render_card
    from engine.profiles.extract import extract_text
    from engine.profiles.ocr import read_image
    from engine.profiles.corpus import CORPUS_START

    samples = [
        (["王建国", "销售总监", "华为技术有限公司", "手机：138 1234 5678", "邮箱：wang.jg@huawei.com",
          "地址：深圳市龙岗区坂田街道华为基地"], {"name": "王建国", "phone": "+8613812345678", "email": "wang.jg@huawei.com",
                                         "company": "华为技术有限公司", "job_title": "销售总监"}),
        (["Grace Chen", "Product Manager", "Shopee Pte Ltd", "Mobile: +65 9123 4567", "Email: grace.chen@shopee.com"],
         {"name": "Grace Chen", "phone": "+6591234567", "email": "grace.chen@shopee.com"}),
        (["李娜", "财务经理", "招商银行", "电话：0755-83198888", "手机：13922223333", "lina@cmbchina.com"],
         {"name": "李娜", "phone": "+8613922223333", "email": "lina@cmbchina.com", "company": "招商银行",
          "job_title": "财务经理"}),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        paths = [render_card(lines, Path(tmp) / f"card{i}.png", seed=i) for i, (lines, _) in enumerate(samples)]
        t = time.perf_counter()
        read_image(paths[0])
        first = time.perf_counter() - t
        times, found, expected = [], 0, 0
        for i in range(cards):
            path, (_, truth) = paths[i % len(paths)], samples[i % len(samples)]
            t = time.perf_counter()
            res = read_image(path)
            times.append(time.perf_counter() - t)
            got = {(f.field, str(f.value)) for f in extract_text(res.text, CORPUS_START)}
            expected += len(truth)
            found += sum((k, v) in got for k, v in truth.items())
    print(f"\n== OCR (rapidocr-onnxruntime, CPU): first call {first:.2f} s (model load); "
          f"then {sum(times) / len(times):.2f} s per business card (mean of {cards}, max {max(times):.2f} s); "
          f"card fields recovered {found}/{expected}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="100k-message import, extrapolated to 1M")
    ap.add_argument("--messages", type=int, help="messages to import (default 1M, 100k with --quick)")
    ap.add_argument("--only", choices=["corpus", "extract", "import", "ocr"], action="append",
                    help="run only these parts (repeatable)")
    args = ap.parse_args()
    parts = set(args.only or ["corpus", "extract", "import", "ocr"])
    if "corpus" in parts:
        corpus_scores()
    if "extract" in parts:
        extraction_speed(20_000 if args.quick else 100_000)
    if "import" in parts:
        import_time(args.messages or (100_000 if args.quick else 1_000_000), 1_000_000)
    if "ocr" in parts:
        ocr_speed(6 if args.quick else 12)


if __name__ == "__main__":
    main()
