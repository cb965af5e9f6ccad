"""``operator-console expressions classify|push|model|catalogue-import``."""
import json

import numpy as np
import pytest

from console.cli import EXIT_USAGE, main


@pytest.fixture
def model(shared_dir) -> str:
    path = shared_dir / "models" / "face_landmarker.task"
    if not path.is_file():
        pytest.skip("no face model in ../shared/models")
    return str(path)


@pytest.mark.slow
def test_classify_json_reports_each_file_and_no_face(shared_dir, model, tmp_path, capsys):
    import cv2

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((120, 160, 3), 90, np.uint8))
    photo = shared_dir / "faces" / "happy" / "skimage_astronaut.png"
    code = main(["expressions", "classify", str(photo), str(blank), "--json", "--model", model])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1  # one input had no face
    assert [r["path"] for r in rows] == [str(photo), str(blank)]
    assert rows[0]["expression"] == "happy" and rows[0]["frames"] == 1
    assert set(rows[0]["scores"]) == {"neutral", "happy", "sad", "surprised", "angry",
                                      "disgusted", "fearful"}
    assert rows[1]["expression"] is None and rows[1]["error"] == "no face found"
    main(["expressions", "classify", str(blank), "--model", model])
    assert "no face found" in capsys.readouterr().out


@pytest.mark.slow
def test_push_prints_label_and_content(tmp_path, shared_dir, model, capsys):
    from tests.engine.expressions._demo import light_demo_workspace

    demo_workspace = light_demo_workspace(tmp_path / "demo.sqlite")
    photos = [str(shared_dir / "faces" / "happy" / n) for n in ("london_002_08.jpg",
                                                                 "skimage_astronaut.png")]
    import cv2

    blank = tmp_path / "wall.png"
    cv2.imwrite(str(blank), np.full((200, 200, 3), 128, np.uint8))
    code = main(["--db", demo_workspace.url, "expressions", "push", "--user", "c000005", *photos,
                 str(blank), "--model", model])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{blank}: no face found (not used)" in out
    assert "2/3 frames with a face" in out
    assert "expression: happy" in out and "label:      upbeat" in out and "pushed:" in out
    assert main(["--db", demo_workspace.url, "expressions", "push", "--user", "zz", photos[0],
                 "--model", model]) == EXIT_USAGE
    assert "no user 'zz'" in capsys.readouterr().err
    demo_workspace.dispose()


def test_model_status_and_catalogue_import(workspace, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPERATOR_CONSOLE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("engine.expressions.modelfile.resources_model_path",
                        lambda: tmp_path / "none.task")
    assert main(["expressions", "model"]) == 1
    assert "expressions model --download" in capsys.readouterr().out
    csv = tmp_path / "tracks.csv"
    csv.write_text("id,title,artist,genre,mood,valence,energy\n"
                   "n1,Night Drive,K,synth,calm,0.5,0.3\nn2,Day,K,pop,upbeat,0.9,0.8\n",
                   encoding="utf-8")
    assert main(["--db", workspace.url, "expressions", "catalogue-import", str(csv)]) == 0
    assert json.loads(capsys.readouterr().out) == {"tracks": 2, "updated": 0, "added": 2}
    csv.write_text("id,title,artist,genre,mood,valence,energy\nn1,Night,K,synth,calm,0.5,oops\n",
                   encoding="utf-8")
    assert main(["--db", workspace.url, "expressions", "catalogue-import", str(csv)]) == EXIT_USAGE
    assert "tracks.csv:2: 'energy' must be a number" in capsys.readouterr().err
