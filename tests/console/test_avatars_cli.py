import json

from PIL import Image

from console.cli import EXIT_USAGE, main
from tests.engine.avatars.conftest import make_people


def test_generate_from_files(tmp_path, capsys):
    users = tmp_path / "users.jsonl"
    users.write_text("\n".join(json.dumps(u, ensure_ascii=False) for u in [
        {"user_id": "u1", "nickname": "王小明", "gender": "male", "age": 9, "city": "北京",
         "interests": ["篮球", "游戏"]},
        {"user_id": "u2", "nickname": "Alice", "age": 34, "interests": ["photography"]},
        {"user_id": "u3", "nickname": "Li", "has_avatar": True},
        {"user_id": "u4"},
    ]) + "\n", encoding="utf-8")
    groups = tmp_path / "groups.jsonl"
    groups.write_text('{"group_id": "g1", "members": ["u1", "u2", "u3", "u4"]}\n', encoding="utf-8")
    out = tmp_path / "out"
    code = main(["avatars", "generate", str(users), "--groups", str(groups), "--out", str(out),
                 "--size", "64"])
    assert code == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["written"] == 3 and report["skipped_with_avatar"] == 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest) == ["u1", "u2", "u4"]
    assert set(manifest["u1"]) >= {"picture_id", "tags", "reasons"}
    assert manifest["u1"]["picture_id"].startswith(("sports-basketball", "games-"))
    assert Image.open(out / "u1.png").size == (64, 64)


def test_bad_input_is_a_usage_error_naming_the_line(tmp_path, capsys):
    users = tmp_path / "users.jsonl"
    users.write_text('{"user_id": "a"}\n{"user_id": "b", "age": "x"}\n', encoding="utf-8")
    assert main(["avatars", "generate", str(users), "--out", str(tmp_path / "o")]) == EXIT_USAGE
    assert f"{users}:2" in capsys.readouterr().err
    assert main(["avatars", "generate", str(users), "--out", str(tmp_path / "o"),
                 "--size", "9"]) == EXIT_USAGE


def test_assign_settings_and_add_picture_on_a_workspace(tmp_path, capsys):
    from engine.store import open_workspace

    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    ws = open_workspace(url)
    make_people(ws, n=10)
    ws.dispose()
    assert main(["--db", url, "avatars", "assign"]) == 0
    assert json.loads(capsys.readouterr().out)["assigned"] == 8
    assert main(["--db", url, "avatars", "settings", "--mark", "badge"]) == 0
    assert json.loads(capsys.readouterr().out)["mark"] == "badge"
    img = tmp_path / "pic.png"
    Image.new("RGB", (80, 80), (10, 200, 10)).save(img)
    assert main(["--db", url, "avatars", "add-picture", str(img), "--title", "Green",
                 "--theme", "nature", "--tags", "motif:green"]) == 0
    assert json.loads(capsys.readouterr().out)["picture_id"] == "staff-green"
    assert main(["--db", url, "avatars", "assign", "--regenerate", "nobody"]) == EXIT_USAGE
