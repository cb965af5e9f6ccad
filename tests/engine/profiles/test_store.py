"""Import, suggestions, editing with history and conflicts, tags, closeness, sync (SQLite + PostgreSQL)."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from engine.errors import ConflictError, InputError
from engine.profiles import edits, queries, service, sync
from engine.profiles.closeness import score_arrays
from engine.store import open_workspace

T0 = datetime(2026, 10, 14, 10, tzinfo=timezone.utc)


def write_chat(path, lines):
    path.write_text("\n".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False) for l in lines) + "\n",
                    encoding="utf-8")
    return path


def msg(i, role, text, conv="k1", sender=None, **kw):
    return {"id": f"m{i}", "conversation_id": conv, "sender_id": sender or ("s001" if role == "staff" else "cu1"),
            "sender_role": role, "ts": (T0 + timedelta(minutes=i)).isoformat(), "text": text, **kw}


@pytest.fixture
def chat_file(tmp_path):
    return write_chat(tmp_path / "chat.jsonl", [
        msg(1, "staff", "您好，我的电话13900001111"),
        msg(2, "customer", "我叫王芳，手机13812345678"),
        "{broken json",
        msg(4, "customer", "我在上海工作，预算五十万"),
    ])


def test_import_reports_bad_line_and_keeps_the_rest(any_db_url, chat_file):
    ws = open_workspace(any_db_url)
    try:
        counts = service.import_file(ws, chat_file, ocr=False)
        assert counts["messages"] == 3 and counts["bad_lines"] == 1
        assert "chat.jsonl:3" in counts["errors"][0]
        prof = queries.load_profile(ws, "cu1")
        got = {(f["field"], f["display"]) for f in prof["fields"]}
        assert ("phone", "+8613812345678") in got and ("name", "王芳") in got
        assert ("phone", "+8613900001111") not in got  # the staff member's number
        again = service.import_file(ws, chat_file, ocr=False)  # re-import is idempotent
        assert again["messages"] == 0 and again["skipped_existing"] == 3
    finally:
        ws.dispose()


def test_strict_import_refuses_whole_file(workspace, chat_file):
    with pytest.raises(InputError, match="nothing imported"):
        service.import_file(workspace, chat_file, strict=True, ocr=False)
    assert queries.customer_ids(workspace) == []


def test_accept_edit_history_and_conflict(any_db_url, chat_file):
    ws = open_workspace(any_db_url)
    try:
        service.import_file(ws, chat_file, ocr=False)
        phone = next(f for f in queries.load_profile(ws, "cu1")["fields"] if f["field"] == "phone")
        edits.accept(ws, phone["id"], by="alice", version=phone["version"])
        # bob still holds the old version: his edit is refused, not silently applied
        with pytest.raises(ConflictError, match="changed by alice"):
            edits.edit(ws, phone["id"], "13800000000", by="bob", version=phone["version"])
        added = edits.add_value(ws, "cu1", "phone", "13511112222", by="bob")
        prof = queries.load_profile(ws, "cu1")
        statuses = {f["display"]: f["status"] for f in prof["fields"] if f["field"] == "phone"}
        assert statuses == {"+8613812345678": "superseded", "+8613511112222": "accepted"}
        actions = [(h["action"], h["by"]) for h in prof["history"]]
        assert ("accept", "alice") in actions and ("supersede", "bob") in actions and ("add", "bob") in actions
        with pytest.raises(InputError, match="phone"):
            edits.edit(ws, added["id"], "not a number", by="bob", version=added["version"])
        rows = queries.customer_rows(ws, ["cu1"])
        assert rows["cu1"]["phone"] == "+8613511112222"
    finally:
        ws.dispose()


def test_tags_notes_filters_and_change_feed(workspace, chat_file):
    service.import_file(workspace, chat_file, ocr=False)
    since = sync.latest_event(workspace)
    edits.add_tag(workspace, "cu1", "VIP", by="alice")
    edits.add_note(workspace, "cu1", "prefers calls", by="alice")
    newest, changed = sync.changes_since(workspace, since)
    assert newest > since and changed == {"cu1"}
    assert queries.customer_ids(workspace, tag="VIP") == ["cu1"]
    assert queries.customer_ids(workspace, tag="other") == []
    assert queries.customer_ids(workspace, city="上海") == ["cu1"]
    assert queries.customer_ids(workspace, has_field="budget") == ["cu1"]
    assert queries.customer_ids(workspace, search="王芳") == ["cu1"]
    with pytest.raises(InputError):
        edits.add_tag(workspace, "cu1", "a,b", by="alice")
    edits.remove_tag(workspace, "cu1", "VIP", by="bob")
    assert queries.load_profile(workspace, "cu1")["tags"] == []


def test_events_directory_friend_add_and_operations(workspace, tmp_path):
    f = write_chat(tmp_path / "events.jsonl", [
        {"type": "friend_add", "customer_id": "cu9", "staff_id": "s001", "ts": T0.isoformat(),
         "nickname": "小王", "gender": "female", "region": "广东 深圳"},
        {"type": "operation", "customer_id": "cu9", "staff_id": "s001", "kind": "transferred",
         "ts": (T0 + timedelta(hours=1)).isoformat(), "amount": 200},
        {"type": "operation", "customer_id": "cu9", "ts": T0.isoformat()},
    ])
    counts = service.import_file(workspace, f)
    assert counts["friendships"] == 1 and counts["operations"] == 1 and counts["bad_lines"] == 1
    prof = queries.load_profile(workspace, "cu9")
    assert {(x["field"], x["display"], x["source"]) for x in prof["fields"]} == {
        ("gender", "female", "directory"), ("city", "深圳", "directory")}
    assert prof["operations"][0]["kind"] == "transferred"
    assert prof["closeness"][0]["staff_id"] == "s001" and prof["closeness"][0]["friend"] == 1.0


def test_closeness_rewards_reciprocal_recent_interaction():
    # staff 0: friend, many two-way recent messages; staff 1: friend, only staff writes; 2: big group only
    ages = [1, 2, 3, 1, 2, 3, 1, 2, 50, 60]
    idx = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
    cust = [True, False, True, False, True, False, False, False, False, False]
    score, parts = score_arrays([1, 1, 0], [0, 0, 1 / 199], ages, idx, cust, 3)
    assert score[0] > score[1] > score[2]
    assert parts["reciprocity"][0] == 1.0 and parts["reciprocity"][1] == 0.0


def test_telegram_export(workspace, tmp_path):
    export = {"name": "Li Lei", "type": "personal_chat", "id": 4242, "messages": [
        {"id": 1, "type": "message", "date": "2026-10-14T10:00:00", "date_unixtime": "1791972000",
         "from": "Me", "from_id": "user1", "text": "Hello! What's your budget?"},
        {"id": 2, "type": "message", "date": "2026-10-14T10:01:00", "date_unixtime": "1791972060",
         "from": "Li Lei", "from_id": "user4242", "text": [{"type": "plain", "text": "Around "}, "50k. "
                                                            "My email is lilei@example.com"]},
        {"id": 3, "type": "service", "date": "2026-10-14T10:02:00", "actor_id": "user1", "action": "pin_message"},
    ]}
    p = tmp_path / "result.json"
    p.write_text(json.dumps(export), encoding="utf-8")
    counts = service.import_file(workspace, p, ocr=False)
    assert counts["messages"] == 2
    got = {(f["field"], f["display"]) for f in queries.load_profile(workspace, "user4242")["fields"]}
    assert ("email", "lilei@example.com") in got and ("budget", "$50,000 USD") in got


def test_postgres_listener_hears_a_colleagues_edit(postgres_server, chat_file):
    import threading

    ws = open_workspace(postgres_server.new_database())
    heard, got = threading.Event(), []
    listener = None
    try:
        service.import_file(ws, chat_file, ocr=False)
        listener = sync.ChangeListener(ws, lambda p: (got.append(p), heard.set())).start()
        assert listener.error is None
        edits.add_tag(ws, "cu1", "VIP", by="alice")
        assert heard.wait(10) and got[0] == "cu1"
    finally:
        if listener:
            listener.stop()
        ws.dispose()


@pytest.mark.slow
def test_parallel_extraction_matches_serial(monkeypatch):
    from engine.profiles.corpus import load_corpus
    from pathlib import Path

    msgs = [m.message for m in load_corpus(Path(__file__).with_name("data") / "corpus_dev.txt")]
    serial, _ = service.extract_messages(msgs, ocr=False, parallel=False)
    monkeypatch.setattr(service, "PARALLEL_MIN", 10)
    monkeypatch.setattr(service, "PARALLEL_WORKERS", 2)
    monkeypatch.setattr(service, "EXTRACT_STEP", 40)
    monkeypatch.setattr(service, "BrokenProcessPool", type("NeverRaised", (Exception,), {}))  # no silent fallback
    parallel, _ = service.extract_messages(msgs, ocr=False)
    key = lambda f: (f.message_id, f.field, str(f.value), f.start)  # noqa: E731
    assert sorted(map(key, parallel)) == sorted(map(key, serial)) and serial


def _corpus_chat(tmp_path, name):
    from engine.profiles.corpus import load_corpus
    from pathlib import Path

    msgs = [m.message for m in load_corpus(Path(__file__).with_name("data") / "corpus_dev.txt")]
    return write_chat(tmp_path / name, [{"id": m.id, "conversation_id": m.conversation_id, "sender_id": m.sender_id,
                                         "sender_role": m.role, "ts": m.ts.isoformat(), "text": m.text} for m in msgs])


def _suggestions(ws):
    from sqlalchemy import select

    from engine.store.models.profiles import ProfileField

    with ws.session() as s:
        return sorted(s.execute(select(ProfileField.customer_id, ProfileField.field, ProfileField.value_json,
                                       ProfileField.message_id)).all())


@pytest.mark.slow
def test_import_extracting_in_workers_while_storing_keeps_every_suggestion(tmp_path, monkeypatch):
    path = _corpus_chat(tmp_path, "chat.jsonl")
    serial_ws = open_workspace(f"sqlite:///{tmp_path / 'serial.sqlite'}")
    parallel_ws = open_workspace(f"sqlite:///{tmp_path / 'parallel.sqlite'}")
    try:
        serial = service.import_file(serial_ws, path, ocr=False)
        monkeypatch.setattr(service, "PARALLEL_MIN", 10)
        monkeypatch.setattr(service, "PARALLEL_WORKERS", 2)
        monkeypatch.setattr(service, "EXTRACT_STEP", 40)
        monkeypatch.setattr(service, "BrokenProcessPool", type("NeverRaised", (Exception,), {}))  # no silent fallback
        parallel = service.import_file(parallel_ws, path, ocr=False)
        assert parallel["suggestions"] == serial["suggestions"] > 100
        assert _suggestions(parallel_ws) == _suggestions(serial_ws)
    finally:
        serial_ws.dispose()
        parallel_ws.dispose()


@pytest.mark.slow
def test_import_cancelled_while_storing_stops_its_workers_and_stores_nothing(tmp_path, monkeypatch):
    from engine.errors import Cancelled
    from engine.progress import BasicState

    path = _corpus_chat(tmp_path, "chat.jsonl")
    monkeypatch.setattr(service, "PARALLEL_MIN", 10)
    monkeypatch.setattr(service, "PARALLEL_WORKERS", 2)
    monkeypatch.setattr(service, "EXTRACT_STEP", 40)
    pools = []
    started = service.Extraction._start_workers

    def start_and_cancel(job, workers):
        started(job, workers)
        pools.append(job.pool)
        state.cancel()  # the user cancels while the workers run and the messages are being stored

    monkeypatch.setattr(service.Extraction, "_start_workers", start_and_cancel)
    state = BasicState()
    ws = open_workspace(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    try:
        with pytest.raises(Cancelled):
            service.import_file(ws, path, ocr=False, state=state)
        assert pools and all(p._shutdown_thread for p in pools)
        assert queries.customer_ids(ws) == [] and _suggestions(ws) == []
    finally:
        ws.dispose()
