import json

import numpy as np
import pytest
from sqlalchemy import select

from engine.avatars import flow, manage, store
from engine.avatars.library import format_tags
from engine.avatars.perceptual import variant_space
from engine.errors import ConflictError, InputError, NotFoundError
from engine.store.models.avatars import AvatarAssignment, AvatarUserSignal
from tests.engine.avatars.conftest import make_people


def assignments(ws):
    with ws.session() as s:
        return {a.user_id: (a.picture_id, a.background, a.status, a.locked, a.version)
                for a in s.scalars(select(AvatarAssignment))}


def test_assign_all_covers_default_users_and_respects_every_list(people_ws):
    counts = flow.assign_all(people_ws)
    got = assignments(people_ws)
    assert counts["assigned"] == 38 and set(got) == {f"c{i:04d}" for i in range(40)} - {"c0000", "c0005"}
    with people_ws.session() as s:
        pictures = store.load_pictures(s)
        lists = store.member_lists(s)
        threshold = store.load_settings(s)["threshold"]
    space = variant_space(pictures)
    index = {p.id: k for k, p in enumerate(pictures)}
    for _lid, members in lists:
        v = np.array([index[got[m][0]] * space.n_bg + got[m][1] for m in members if m in got])
        d = space.dist[np.ix_(v, v)][np.triu_indices(len(v), 1)]
        assert d.min() >= threshold
        assert len({x // space.n_bg for x in v}) == len(v)


def test_second_run_keeps_everything_and_regenerate_changes_one(people_ws):
    flow.assign_all(people_ws)
    before = assignments(people_ws)
    counts = flow.assign_all(people_ws)
    assert counts["kept"] == len(before) and assignments(people_ws) == before
    flow.regenerate(people_ws, ["c0003"], by="s1")
    after = assignments(people_ws)
    assert after["c0003"][0] != before["c0003"][0] and after["c0003"][2] == "regenerated"
    changed = [u for u in before if u != "c0003" and after[u][:2] != before[u][:2]]
    assert changed == []  # nobody else moved (c0003 adapts to them)
    with pytest.raises(NotFoundError):
        flow.regenerate(people_ws, ["nobody"])


def test_lock_and_override(people_ws):
    flow.assign_all(people_ws)
    flow.override(people_ws, "c0004", "animals-panda-modern-a", 3, by="s1")
    flow.set_locked(people_ws, "c0007", True)
    a = assignments(people_ws)
    assert a["c0004"][:4] == ("animals-panda-modern-a", 3, "override", True)
    flow.regenerate(people_ws, ["c0004", "c0007"])
    b = assignments(people_ws)
    assert b["c0004"][:2] == a["c0004"][:2] and b["c0007"][:2] == a["c0007"][:2]
    with pytest.raises(NotFoundError):
        flow.override(people_ws, "c0004", "no-such-picture")
    with pytest.raises(InputError):
        flow.override(people_ws, "c0004", "animals-panda-modern-a", 99)


def test_ensure_avatar_assigns_one_user_against_stored_neighbours(people_ws):
    flow.assign_all(people_ws)
    with people_ws.session() as s:
        s.delete(s.get(AvatarAssignment, "c0010"))
    av = flow.ensure_avatar(people_ws, "c0010")
    assert av.user_id == "c0010" and av.look.text == "A"
    assert assignments(people_ws)["c0010"][2] in ("auto", "forced")
    with pytest.raises(NotFoundError):
        flow.ensure_avatar(people_ws, "c0000")  # has a photo of their own
    with pytest.raises(NotFoundError):
        flow.ensure_avatar(people_ws, "ghost")


def test_removing_a_picture_from_the_library_moves_its_users(people_ws):
    flow.assign_all(people_ws)
    before = assignments(people_ws)
    victim = before["c0001"][0]
    manage.set_picture_enabled(people_ws, victim, False)
    flow.assign_all(people_ws)
    after = assignments(people_ws)
    assert all(p != victim for p, *_ in after.values())


def test_user_detail_explains_candidates(people_ws):
    flow.assign_all(people_ws)
    d = manage.user_detail(people_ws, "c0001")  # interests: cats
    assert d["tags"][0][0] == "theme:animals" and "cats" in d["tags"][0][2]
    assert d["candidates"][0]["picture_id"].startswith("animals-cat")
    assert any("theme:animals" in r for r in d["candidates"][0]["reasons"])
    assert {g for g, _ in d["groups"]} == {"g1"}
    g = manage.group_preview(people_ws, "g2")
    assert len(g["members"]) == 22 and g["confusable"] == []
    assert g["min_distance"] >= g["threshold"]


def test_group_preview_flags_a_forced_clash(people_ws):
    flow.assign_all(people_ws)
    a = assignments(people_ws)
    flow.override(people_ws, "c0002", a["c0003"][0], a["c0003"][1])
    g = manage.group_preview(people_ws, "g1")
    names = {(g["members"][i]["user_id"], g["members"][j]["user_id"]) for i, j, _ in g["confusable"]}
    assert names in ({("c0002", "c0003")}, {("c0003", "c0002")})


def test_staff_pictures_and_tag_edits(people_ws, tmp_path):
    spec = {"shapes": [{"t": "ellipse", "b": [20, 20, 80, 80], "f": "#123456"}]}
    path = tmp_path / "blob.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    pid = manage.add_picture_file(people_ws, path, title="Blue blob", theme="art", tags="motif:blob")
    rows = {r["id"]: r for r in manage.list_pictures(people_ws)}
    assert rows[pid]["source"] == "staff" and "theme:art=1" in rows[pid]["tags"]
    v = rows[pid]["version"]
    v2 = manage.set_picture_tags(people_ws, pid, "theme:art, motif:blob=0.5, age:child", version=v)
    assert v2 == v + 1
    with pytest.raises(ConflictError):
        manage.set_picture_tags(people_ws, pid, "theme:art", version=v)
    with pytest.raises(InputError):
        manage.set_picture_tags(people_ws, pid, "motif:blob", version=v2)  # no theme left
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG broken")
    with pytest.raises(InputError) as err:
        manage.add_picture_file(people_ws, bad, title="Broken", theme="art")
    assert str(bad) in str(err.value)
    with pytest.raises(InputError):
        manage.add_picture(people_ws, title="x", theme="art",
                           spec={"shapes": [{"t": "star", "b": [0, 0, 1, 1]}]})
    assert format_tags({"a:b": 1.0}) == "a:b=1"


def test_settings_are_validated(people_ws):
    with people_ws.session() as s:
        store.save_settings(s, {"mark": "badge", "threshold": 20})
    with people_ws.session() as s:
        assert store.load_settings(s)["mark"] == "badge"
        with pytest.raises(InputError):
            store.save_settings(s, {"shape": "star"})
        with pytest.raises(InputError):
            store.save_settings(s, {"threshold": 99})


def test_profile_fields_feed_the_portrait_when_present(workspace):
    from engine.store.models import profiles

    if not hasattr(profiles, "ProfileField"):
        pytest.skip("profiles capability tables not installed")
    make_people(workspace, n=4, own_avatar=())
    with workspace.session() as s:
        s.add(profiles.ProfileField(customer_id="c0000", field="interests",
                                    value_json=json.dumps("photography"), display="photography",
                                    status="accepted", confidence=0.9, source="text"))
        s.add(profiles.ProfileField(customer_id="c0000", field="interests",
                                    value_json=json.dumps("gaming"), display="gaming",
                                    status="rejected", confidence=0.9, source="text"))
    with workspace.session() as s:
        users = store.default_avatar_users(s, only={"c0000"})
    assert users["c0000"]["profile_interests"] == {"photography": 0.9}


def test_single_user_flow_respects_the_window_of_a_long_list(people_ws):
    with people_ws.session() as s:
        store.save_settings(s, {"clique_max": 8, "window": 4, "threshold": 25})
    flow.assign_all(people_ws)
    with people_ws.session() as s:
        contacts = dict(store.member_lists(s))["contacts:s1"]  # 40 rows in display order
        s.delete(s.get(AvatarAssignment, contacts[20]))
    av = flow.ensure_avatar(people_ws, contacts[20])
    got = assignments(people_ws)
    with people_ws.session() as s:
        pictures = store.load_pictures(s)
    space = variant_space(pictures)
    index = {p.id: k for k, p in enumerate(pictures)}

    def variant(uid):
        return index[got[uid][0]] * space.n_bg + got[uid][1]

    me = variant(contacts[20])
    assert av.picture.id == got[contacts[20]][0]
    for other in contacts[17:20] + contacts[21:24]:  # the rows within the window
        if other in got:
            assert space.dist[me, variant(other)] >= 25
            assert got[other][0] != got[contacts[20]][0]


@pytest.mark.slow
def test_flow_on_sqlite_and_postgresql(any_db_url):
    from engine.store import open_workspace

    ws = open_workspace(any_db_url)
    try:
        make_people(ws, n=16)
        assert flow.assign_all(ws)["assigned"] == 14
        flow.regenerate(ws, ["c0003"])
        flow.override(ws, "c0004", "animals-cat-modern-a", 2)
        flow.set_locked(ws, "c0006", True)
        got = assignments(ws)
        assert got["c0003"][2] == "regenerated" and got["c0003"][4] == 2
        assert got["c0004"][:4] == ("animals-cat-modern-a", 2, "override", True)
        assert flow.ensure_avatar(ws, "c0007").user_id == "c0007"
    finally:
        ws.dispose()


def test_contacts_preview_shows_the_window_around_the_user(people_ws):
    with people_ws.session() as s:
        store.save_settings(s, {"clique_max": 8, "window": 4})
    flow.assign_all(people_ws)
    with people_ws.session() as s:
        contacts = dict(store.member_lists(s))["contacts:s1"]
    p = manage.contacts_preview(people_ws, "s1", contacts[20])
    assert p["total"] == 40 and p["first_row"] == 17 and len(p["members"]) == 7
    assert [m["user_id"] for m in p["members"]] == contacts[17:24]
    assert p["confusable"] == [] and p["min_distance"] >= p["threshold"]
    with pytest.raises(NotFoundError):
        manage.contacts_preview(people_ws, "s1", "ghost")


def test_chat_history_gives_activity_and_mentions(people_ws):
    from datetime import datetime, timedelta, timezone

    from engine.store.models.chat import Message

    t = datetime(2026, 5, 1, tzinfo=timezone.utc)
    with people_ws.session() as s:
        for k in range(60):
            s.add(Message(id=f"m{k}", conversation_id="x", sender_id="c0008", sender_role="customer",
                          customer_id="c0008", ts=t - timedelta(hours=12 * k),
                          text="周末去打篮球吧" if k % 3 == 0 else "好的 good to go"))
        s.add(Message(id="old", conversation_id="x", sender_id="c0009", sender_role="customer",
                      customer_id="c0009", ts=t - timedelta(days=90), text="I love my cats"))
    with people_ws.session() as s:
        users = store.default_avatar_users(s, only={"c0008", "c0009"})
    assert users["c0008"]["message_interests"] == {"篮球": 20}
    assert users["c0008"]["activity"] == 8.0  # avatar_user_signal wins over chat history
    assert users["c0009"]["message_interests"] == {"cats": 1}
    with people_ws.session() as s:
        s.get(AvatarUserSignal, "c0008").activity = None
    with people_ws.session() as s:  # 60 messages, every 12 h, all within the last 30 days
        assert store.default_avatar_users(s, only={"c0008"})["c0008"]["activity"] == 2.0
