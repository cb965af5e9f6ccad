"""``operator-console expressions``: classify faces, push content, manage the face model."""
from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("expressions", help="facial expression capture and expression-aware push")
    esub = p.add_subparsers(dest="expr_command", metavar="ACTION", required=True)

    c = esub.add_parser("classify", help="classify the expression in images or videos")
    c.add_argument("paths", nargs="+", metavar="PATH", help="images (IMAGE mode) or videos")
    c.add_argument("--json", action="store_true", help="one JSON object per input, as a list")
    c.add_argument("--model", metavar="FILE", help="face_landmarker.task (default: settings, "
                   "resources/models, user cache)")
    c.add_argument("--max-frames", type=int, default=300, metavar="N",
                   help="frames read from the start of each video (default 300)")
    c.set_defaults(handler=run_classify)

    u = esub.add_parser("push", help="classify a user's frames, pick content, record the push")
    u.add_argument("--user", required=True, metavar="ID", help="customer id, e.g. c000123")
    u.add_argument("paths", nargs="+", metavar="PATH", help="one video, or images of the user")
    u.add_argument("--json", action="store_true", help="print the whole result as JSON")
    u.add_argument("--model", metavar="FILE", help="face_landmarker.task")
    u.set_defaults(handler=run_push)

    m = esub.add_parser("model", help="where the face model is; install or download it")
    m.add_argument("--download", action="store_true",
                   help="download it from MediaPipe's official URL into the user cache "
                        "(checksum verified)")
    m.add_argument("--install", metavar="FILE", help="copy a face_landmarker.task you have into "
                   "the user cache (checksum verified)")
    m.set_defaults(handler=run_model)

    i = esub.add_parser("catalogue-import", help="import tracks from a CSV file")
    i.add_argument("csv", metavar="FILE", help="columns: id,title,artist,genre,mood,valence,"
                   "energy[,duration_s,tags]")
    i.set_defaults(handler=run_import)

    v = esub.add_parser("make-video", help="build a test video: neutral frames with a brief "
                        "expression burst (stands in for a webcam)")
    v.add_argument("neutral", help="photo of the neutral face")
    v.add_argument("expression", help="photo of the same person with the expression")
    v.add_argument("out", help="output .avi (MJPG) or .mp4 (mp4v)")
    v.add_argument("--frames", type=int, default=60)
    v.add_argument("--burst", default="30:36", help="frames START:END of the burst")
    v.add_argument("--intensity", type=float, default=1.0, help="0..1 blend of the expression")
    v.add_argument("--fps", type=float, default=15.0)
    v.set_defaults(handler=run_make_video)


def _model(args) -> str | None:
    if getattr(args, "model", None):
        return args.model
    from console.settings import load_settings

    return load_settings().model_path


def run_classify(args) -> int:
    from engine.expressions.pipeline import classify_paths
    from engine.progress import TerminalState

    from engine.errors import InputError

    if args.max_frames < 1:
        raise InputError("must be at least 1", place="--max-frames")
    rows = classify_paths(args.paths, model_path=_model(args), max_frames=args.max_frames,
                          state=TerminalState())
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            if r.get("error"):
                err = r["error"]
                print(err if err.startswith(r["path"]) else f"{r['path']}: {err}")
                continue
            top = sorted(r["scores"].items(), key=lambda kv: -kv[1])[:3]
            print(f"{r['path']}: {r['expression']} ({r['confidence']:.0%}; "
                  + ", ".join(f"{k} {v:.2f}" for k, v in top)
                  + f"; {r['face_frames']}/{r['frames']} frames with a face)")
    return 0 if all(r.get("expression") for r in rows) else 1


def run_push(args) -> int:
    from engine.expressions.service import push_paths
    from engine.progress import TerminalState
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        out = push_paths(ws, args.user, args.paths, model_path=_model(args), state=TerminalState())
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return 0
    track = out["track"]
    for path in out.get("no_face", []):
        print(f"{path}: no face found (not used)")
    print(f"user:       {out['user']}")
    print(f"expression: {out['expression']} ({out['confidence']:.0%}, "
          f"{out['face_frames']}/{out['frames']} frames with a face)")
    print(f"label:      {out['label']}")
    if track:
        print(f"pushed:     {track['title']} — {track['artist']} [{track['genre']}, {track['id']}]")
    else:
        print("pushed:     nothing")
    print(f"why:        {out['reason']}")
    return 0 if track else 1


def run_model(args) -> int:
    from engine.errors import ResourceMissingError
    from engine.expressions import modelfile
    from engine.progress import TerminalState

    if args.install:
        print(f"installed {modelfile.install_model(args.install)}")
        return 0
    if args.download:
        print(f"downloaded {modelfile.download_model(state=TerminalState())}")
        return 0
    try:
        path = modelfile.find_model(_model(args))
    except ResourceMissingError as exc:
        print(str(exc))
        return 1
    print(f"face model: {path}")
    return 0


def run_import(args) -> int:
    from engine.expressions.catalogue import import_catalogue
    from engine.store import open_workspace

    ws = open_workspace(args.db)
    try:
        counts = import_catalogue(ws, args.csv)
    finally:
        ws.dispose()
    print(json.dumps(counts))
    return 0


def run_make_video(args) -> int:
    from engine.errors import InputError
    from engine.expressions.video import make_burst_video

    try:
        start, end = (int(v) for v in args.burst.split(":"))
    except ValueError as exc:
        raise InputError("use START:END, e.g. 30:36", place="--burst") from exc
    path = make_burst_video(args.neutral, args.expression, args.out, n_frames=args.frames,
                            burst=(start, end), intensity=args.intensity, fps=args.fps)
    print(f"wrote {path}")
    return 0
