import io
import json

import pytest
from PIL import Image

from engine.avatars import flow
from engine.avatars.batch import generate, read_groups, read_users
from engine.avatars.service import AvatarService
from engine.errors import InputError


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("line, message", [
    ('{"user_id": 5', "not valid JSON"),
    ('[1, 2]', "JSON object"),
    ('{"nickname": "x"}', "user_id is missing"),
    ('{"user_id": "../etc"}', "cannot be a file name"),
    ('{"user_id": "a", "age": "old"}', "age must be a number"),
    ('{"user_id": "a", "interests": "cats"}', "interests must be a list"),
    ('{"user_id": "a", "has_avatar": "yes"}', "has_avatar must be true or false"),
])
def test_bad_user_lines_name_file_and_line(tmp_path, line, message):
    path = write(tmp_path / "users.jsonl", ['{"user_id": "ok"}', line])
    with pytest.raises(InputError) as err:
        read_users(path)
    assert f"{path}:2" in str(err.value) and message in str(err.value)


def test_duplicate_users_and_bad_groups(tmp_path):
    with pytest.raises(InputError, match="appears twice"):
        read_users(write(tmp_path / "u.jsonl", ['{"user_id": "a"}', '{"user_id": "a"}']))
    with pytest.raises(InputError, match="members must be a list"):
        read_groups(write(tmp_path / "g.jsonl", ['{"group_id": "g", "members": "a,b"}']))
    with pytest.raises(InputError, match="cannot read"):
        read_users(tmp_path / "missing.jsonl")


def test_generate_writes_pngs_and_manifest_for_users_without_avatar(tmp_path):
    users = [{"user_id": f"u{i}", "nickname": f"N{i}", "age": 20 + i,
              "interests": ["basketball"] if i % 2 else ["cats"]} for i in range(12)]
    users.append({"user_id": "has", "has_avatar": True})
    groups = [("g", [u["user_id"] for u in users])]
    out = tmp_path / "out"
    manifest = generate(users, groups, out, size=96, svg=True)
    assert set(manifest) == {f"u{i}" for i in range(12)}
    assert not (out / "has.png").exists()
    on_disk = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    for uid, entry in manifest.items():
        assert Image.open(out / f"{uid}.png").size == (96, 96)
        assert (out / f"{uid}.svg").read_text(encoding="utf-8").startswith("<svg")
        assert entry["tags"] and entry["reasons"]
    assert len({e["picture_id"] for e in manifest.values()}) == 12  # one group: all different
    fans = [e for u, e in manifest.items() if int(u[1:]) % 2]
    assert all("theme:sports" in e["tags"] for e in fans)
    assert sum(e["picture_id"].startswith("sports-") for e in fans) >= 5
    with pytest.raises(InputError):
        generate(users, groups, out, size=600)


def test_service_caches_validates_and_revalidates(people_ws):
    flow.assign_all(people_ws)
    svc = AvatarService(people_ws, revalidate_s=0.0)
    r = svc.get("c0001", "png", "128")
    assert r.status == 200 and r.headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(r.body)).size == (128, 128)
    assert r.headers["Cache-Control"].startswith("public, max-age=")
    again = svc.get("c0001", "png", 128, if_none_match=r.headers["ETag"])
    assert again.status == 304 and again.body == b""
    assert svc.get("c0001", "png", 128, if_none_match='"other"').status == 200
    svg = svc.get("c0001", "svg", 64)
    assert svg.status == 200 and svg.body.startswith(b"<svg")
    assert svc.get("ghost", "png", 128).status == 404
    assert svc.get("c0000", "png", 128).status == 404  # own photo
    for bad in ("20", "1000", "x"):
        assert svc.get("c0001", "png", bad).status == 400
    flow.regenerate(people_ws, ["c0001"])
    after = svc.get("c0001", "png", 128, if_none_match=r.headers["ETag"])
    assert after.status == 200 and after.headers["ETag"] != r.headers["ETag"]


def test_service_assigns_on_first_request(people_ws):
    svc = AvatarService(people_ws)
    r = svc.get("c0002", "png", 64)
    assert r.status == 200
    with people_ws.session() as s:
        assert flow.load_avatar(s, "c0002") is not None
