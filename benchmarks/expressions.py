"""Expression capture: accuracy on labelled faces, per-frame throughput, pane preview fps.

    python -m benchmarks.expressions [--quick] [--model FILE] [--faces DIR]

1. Accuracy on ../shared/faces (a folder per label): in-sample with the default threshold, the
   leave-one-out threshold, and on augmented copies (mirror, half size, dark, rotated, JPEG q30);
   per-class precision/recall and the confusion matrix.
2. Throughput at 640x480 in VIDEO mode: the landmarker alone vs landmarker + features +
   per-frame scores + aggregation, interleaved in one run (ratios are what to compare; the
   machine is shared).
3. The pane's preview fps while it classifies (offscreen, 30 fps source, repeated captures).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def accuracy(faces: Path, model: str) -> None:
    from engine.expressions.calibration import (AUGMENTATIONS, augment, evaluate, labelled_photos,
                                                leave_one_out_tau, photo_features, predict)
    from engine.expressions.classifier import CLASSES
    from engine.expressions.frames import load_image

    items = labelled_photos(faces)
    truth = [label for _p, label in items]
    images = [load_image(p) for p, _l in items]
    t0 = time.perf_counter()
    feats = photo_features(images, model)
    print(f"\n== accuracy on {len(items)} labelled photos ({faces.name}/, "
          f"{time.perf_counter() - t0:.1f} s to extract)")
    report("in-sample, default tau", evaluate(truth, predict(feats)), CLASSES, matrix=True)
    loo, taus = leave_one_out_tau(feats, truth)
    print(f"leave-one-out tau: chosen {sorted({float(t) for t in taus.round(3)})}")
    report("leave-one-out tau", evaluate(truth, loo), CLASSES)
    # per-user baseline: the London set has the same person neutral (_03) and smiling (_08)
    from engine.expressions.classifier import aggregate

    names = [Path(p).name for p, _l in items]
    pairs = sorted({n[:10] for n in names if n.startswith("london_")})
    for person in pairs:
        try:
            i_n, i_h = names.index(f"{person}_03.jpg"), names.index(f"{person}_08.jpg")
        except ValueError:
            continue
        plain = aggregate(feats[i_h:i_h + 1], stream=False)
        based = aggregate(feats[i_h:i_h + 1], stream=False, baseline=feats[i_n])
        print(f"baseline {person}: smiling photo -> {plain.expression} {plain.confidence:.2f} "
              f"without, {based.expression} {based.confidence:.2f} with the neutral photo as "
              "the user's baseline")
    all_truth, all_pred = [], []
    for kind in AUGMENTATIONS:
        f = photo_features([augment(img, kind) for img in images], model)
        pred = predict(f)
        all_truth += truth
        all_pred += list(pred)
        r = evaluate(truth, pred)
        wrong = [f"{Path(p).name}->{q or 'noface'}" for (p, t), q in zip(items, pred) if q != t]
        print(f"augmented {kind:10s} accuracy {r['accuracy']:.3f}  wrong: {', '.join(wrong)}")
    report(f"all {len(AUGMENTATIONS)} augmentations", evaluate(all_truth, all_pred), CLASSES,
           matrix=True)


def report(title: str, r: dict, classes, matrix: bool = False) -> None:
    focus = [r["per_class"][c]["recall"] for c in ("happy", "surprised", "neutral")
             if r["per_class"][c]["support"]]
    print(f"-- {title}: accuracy {r['accuracy']:.3f} (n={r['n']}); "
          f"happy/surprised/neutral recall {', '.join(f'{v:.2f}' for v in focus)}")
    for c in classes:
        pc = r["per_class"][c]
        if pc["support"] or pc["precision"] is not None:
            prec = "  -  " if pc["precision"] is None else f"{pc['precision']:.2f}"
            rec = "  -  " if pc["recall"] is None else f"{pc['recall']:.2f}"
            print(f"   {c:10s} support {pc['support']:3d}  precision {prec}  recall {rec}")
    if matrix:
        cols = [c[:5] for c in classes] + ["none"]
        print("   confusion (rows = truth, cols = predicted):")
        print("   " + " " * 10 + " ".join(f"{c:>5s}" for c in cols))
        for c, row in zip(classes, r["confusion"]):
            if row.sum():
                print(f"   {c:10s}" + " ".join(f"{v:5d}" for v in row))


def throughput(model: str, n_frames: int, rounds: int) -> None:
    from engine.expressions.classifier import aggregate, frame_scores
    from engine.expressions.features import frame_features
    from engine.expressions.landmarker import FaceTracker
    from engine.expressions.samples import sample_photos
    from engine.expressions.video import burst_frames
    from engine.expressions.frames import load_image

    photos = sample_photos()
    frames = burst_frames(load_image(photos["london_001_neutral"]),
                          load_image(photos["london_001_happy"]), n_frames=n_frames,
                          burst=(n_frames // 2, n_frames // 2 + 6), size=(640, 480))
    sizes = np.tile([[640, 480]], (1, 1))

    def landmarker_only() -> float:
        with FaceTracker(model, video=True) as tr:
            tr.detect(frames[0], 0)  # warm-up
            t0 = time.perf_counter()
            for i, f in enumerate(frames):
                tr.detect(f, 33 * (i + 1))
            return time.perf_counter() - t0

    split = {"detect": 0.0, "classify": 0.0}

    def full_chain() -> float:
        with FaceTracker(model, video=True) as tr:
            tr.detect(frames[0], 0)
            t0 = time.perf_counter()
            rows = []
            for i, f in enumerate(frames):
                t1 = time.perf_counter()
                res = tr.detect(f, 33 * (i + 1))
                t2 = time.perf_counter()
                feats = frame_features(res[0][None], res[1][None], sizes)
                frame_scores(feats)  # live per-frame scores (bars, timeline)
                rows.append(feats[0])
                t3 = time.perf_counter()
                split["detect"] += t2 - t1
                split["classify"] += t3 - t2
            t4 = time.perf_counter()
            aggregate(np.stack(rows), stream=True)
            split["classify"] += time.perf_counter() - t4
            return time.perf_counter() - t0

    a, b = [], []
    for _ in range(rounds):  # interleaved, so both see the same machine load
        a.append(landmarker_only())
        b.append(full_chain())
    ta, tb = statistics.median(a), statistics.median(b)
    print(f"\n== throughput at 640x480, VIDEO mode, {n_frames} frames x {rounds} rounds "
          "(median)")
    print(f"landmarker alone:             {n_frames / ta:6.1f} frames/s ({1000 * ta / n_frames:.1f} ms)")
    print(f"landmarker + classifier:      {n_frames / tb:6.1f} frames/s ({1000 * tb / n_frames:.1f} ms)")
    print(f"classifier overhead:          {100 * (tb - ta) / ta:+.1f} % (two timed loops)")
    print(f"same loop, split per stage:   landmarker {split['detect']:.2f} s, classifier "
          f"{split['classify']:.3f} s -> overhead {100 * split['classify'] / split['detect']:.2f} %")
    # the classifier stages alone, over the whole batch (vectorised)
    with FaceTracker(model, video=True) as tr:
        res = [tr.detect(f, 33 * (i + 1)) for i, f in enumerate(frames)]
    bs = np.stack([r[0] for r in res])
    lm = np.stack([r[1] for r in res])
    t0 = time.perf_counter()
    for _ in range(20):
        feats = frame_features(bs, lm, np.tile([[640, 480]], (len(bs), 1)))
        aggregate(feats, stream=True)
    per = (time.perf_counter() - t0) / 20 / len(bs)
    print(f"classifier stages, batched:   {per * 1e6:6.1f} µs/frame")


def pane_fps(model: str, seconds: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from console.app import get_app
    from engine.demo import build_demo
    from engine.expressions.frames import load_image
    from engine.expressions.samples import sample_photos
    from engine.expressions.video import burst_frames, write_video
    from engine.store import open_workspace
    from widgets.context import PaneContext
    from widgets.expressions.pane import ExpressionsPane
    from widgets.tasks import TaskRunner

    app = get_app(offscreen=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["OPERATOR_CONSOLE_CACHE_DIR"] = tmp
        ws = open_workspace(f"sqlite:///{tmp}/bench.sqlite")
        build_demo(ws, seed=7, scale="small")
        photos = sample_photos()
        frames = burst_frames(load_image(photos["london_002_neutral"]),
                              load_image(photos["london_002_happy"]), n_frames=90,
                              burst=(40, 46))
        video = write_video(frames, Path(tmp) / "cam30.avi", fps=30.0)
        runner = TaskRunner()
        pane = ExpressionsPane(PaneContext(workspace=ws, tasks=runner,
                                           options={"model_path": model}))
        pane.resize(1300, 800)
        pane.show()
        pane.source.setCurrentIndex(pane.source.findData("video"))
        pane.path.setText(str(video))
        pane.user.setEditText("c000001")
        results = []
        orig = pane._show_result

        def counting(result, *, recorded):
            results.append(result["expression"])
            orig(result, recorded=recorded)

        pane._show_result = counting
        pane.n_frames.setValue(30)
        pane.start_preview()
        loop = QEventLoop()
        capture_timer = QTimer()
        capture_timer.timeout.connect(lambda: pane.capture_button.isEnabled() and pane.capture())
        capture_timer.start(200)
        gaps, last = [], [time.perf_counter()]

        def tick():
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        ticker = QTimer()
        ticker.timeout.connect(tick)
        ticker.start(10)
        QTimer.singleShot(1500, lambda: setattr(pane, "frames_shown", 0))
        QTimer.singleShot(int(seconds * 1000) + 1500, loop.quit)
        t_start = [0.0]
        QTimer.singleShot(1500, lambda: t_start.__setitem__(0, time.perf_counter()))
        loop.exec()
        elapsed = time.perf_counter() - t_start[0]
        shown, dropped = pane.frames_shown, pane.worker.dropped if pane.worker else 0
        w = pane.worker
        share = w.frames_classified / w.frames_read if w and w.frames_read else 0.0
        capture_timer.stop()
        ticker.stop()
        pane.shutdown()
        runner.shutdown()
        ws.dispose()
        print(f"\n== pane preview while classifying (30 fps video source, 640x480, captures of "
              f"30 frames back to back, {seconds:.0f} s)")
        print(f"preview shown:  {shown / elapsed:5.1f} fps ({shown} frames, {dropped} dropped by "
              "back-pressure)")
        print(f"frames classified by the model: {share:.0%} of frames read")
        print(f"captures classified: {len(results)} ({', '.join(sorted(set(results)))})")
        print(f"machine load average: {os.getloadavg()[0]:.1f} (2 cores, shared)")
        print(f"GUI event-loop gap: max {1000 * max(gaps):.0f} ms, "
              f"p99 {1000 * float(np.percentile(gaps, 99)):.0f} ms (10 ms timer)")
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames and rounds")
    parser.add_argument("--model", default=str(SHARED / "models" / "face_landmarker.task"))
    parser.add_argument("--faces", default=str(SHARED / "faces"))
    parser.add_argument("--skip", nargs="*", default=[], choices=["accuracy", "speed", "pane"])
    args = parser.parse_args()
    if not Path(args.model).is_file():
        sys.exit(f"no model at {args.model} (give --model FILE)")
    import cv2

    print(f"cv2 threads {cv2.getNumThreads()}, cpus {os.cpu_count()}")
    if "accuracy" not in args.skip:
        accuracy(Path(args.faces), args.model)
    if "speed" not in args.skip:
        throughput(args.model, 60 if args.quick else 150, 2 if args.quick else 3)
    if "pane" not in args.skip:
        pane_fps(args.model, 4.0 if args.quick else 10.0)


if __name__ == "__main__":
    main()
