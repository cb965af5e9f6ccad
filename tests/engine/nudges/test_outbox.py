"""Outbox: exactly once per visit (also after a crash), senders, webhook retry/backoff."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import func, select

from engine.errors import InputError
from engine.nudges import store
from engine.nudges.nudging import run_evaluation
from engine.nudges.senders import LogFileSender, SendError, WebhookSender, make_sender
from engine.store.models.nudges import NudgeOutbox
from tests.engine.nudges.helpers import at, log, rules

EVENTS = [("u1", "loan", "a", "enter", 0, {"name": "Li"}), ("u2", "loan", "b", "enter", 0),
          ("u3", "loan", "a", "enter", 0), ("u3", "loan", "a", "leave", 20)]


def due_now(ws, t, events=None):
    processes = rules()
    hist = store.history(ws, [p.id for p in processes])
    return run_evaluation(events or log(*EVENTS), processes, at(t), hist)


def count(ws):
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(NudgeOutbox))


def test_enqueue_is_once_per_visit_and_a_new_visit_is_nudged_again(any_db_url):
    from engine.store import open_workspace

    ws = open_workspace(any_db_url)
    out = due_now(ws, 200)
    assert {n.user_id for n in out.nudges} == {"u1", "u2", "u3"}
    assert store.enqueue(ws, out.nudges, at(200)) == 3
    # the same evaluation again (e.g. re-run after a crash after the commit): nothing new
    assert store.enqueue(ws, out.nudges, at(200)) == 0
    later = due_now(ws, 500)
    assert later.nudges == [] and later.removed["already_nudged"] == 3
    # u1 re-enters a: a new visit, nudged once more
    events = log(*EVENTS, ("u1", "loan", "a", "enter", 600))
    again = due_now(ws, 800, events)
    assert [n.user_id for n in again.nudges] == ["u1"]
    assert store.enqueue(ws, again.nudges, at(800)) == 1
    assert count(ws) == 4
    ws.dispose()


def test_crash_inside_the_insert_leaves_nothing_and_the_rerun_adds_each_once(workspace,
                                                                              monkeypatch):
    out = due_now(workspace, 200)
    real = store._insert
    calls = {"n": 0}

    def failing(session):
        insert = real(session)

        def wrapped(model):
            calls["n"] += 1
            if calls["n"] == 2:  # the first row is already inserted in this transaction
                raise RuntimeError("power cut")
            return insert(model)
        return wrapped

    monkeypatch.setattr(store, "OUTBOX_CHUNK", 1)
    monkeypatch.setattr(store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.enqueue(workspace, out.nudges, at(200))
    assert count(workspace) == 0
    assert store.enqueue(workspace, out.nudges, at(200)) == 3
    assert count(workspace) == 3


class FlakySender:
    def __init__(self, crash_after=None, fail_users=()):
        self.sent, self.crash_after, self.fail_users = [], crash_after, set(fail_users)

    def send(self, payload):
        if self.crash_after is not None and len(self.sent) == self.crash_after:
            raise KeyboardInterrupt("process killed")
        if payload["user_id"] in self.fail_users:
            raise SendError("HTTP 400", permanent=True)
        self.sent.append(payload)


def test_dispatch_crash_mid_run_then_resume_delivers_each_once(workspace):
    store.enqueue(workspace, due_now(workspace, 200).nudges, at(200))
    first = FlakySender(crash_after=1)
    with pytest.raises(KeyboardInterrupt):
        store.dispatch(workspace, first)
    assert store.outbox_counts(workspace) == {"sent": 1, "pending": 2}
    second = FlakySender(fail_users={"u3"})
    assert store.dispatch(workspace, second) == {"sent": 1, "failed": 1, "pending": 0}
    delivered = [p["user_id"] for p in first.sent + second.sent]
    assert sorted(delivered) == ["u1", "u2"]
    failed = store.outbox_rows(workspace, "failed")
    assert failed[0]["user_id"] == "u3" and "400" in failed[0]["last_error"]
    assert store.dispatch(workspace, FlakySender()) == {"sent": 0, "failed": 0, "pending": 0}


def test_log_sender_skips_keys_it_already_wrote(tmp_path):
    path = tmp_path / "out.jsonl"
    LogFileSender(path).send({"idempotency_key": "outbox-1", "message": "你好"})
    again = LogFileSender(path)  # a new process after a crash
    again.send({"idempotency_key": "outbox-1", "message": "你好"})
    again.send({"idempotency_key": "outbox-2", "message": "hi"})
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert [x["idempotency_key"] for x in lines] == ["outbox-1", "outbox-2"]
    assert lines[0]["message"] == "你好"
    with pytest.raises(InputError):
        make_sender("ftp://x")


@pytest.fixture
def webhook():
    """A local HTTP server on 127.0.0.1 answering with a scripted list of status codes."""
    state = {"codes": [], "bodies": [], "keys": []}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state["bodies"].append(json.loads(body))
            state["keys"].append(self.headers.get("Idempotency-Key"))
            code = state["codes"].pop(0) if state["codes"] else 200
            self.send_response(code)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_port}/hook"
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_webhook_retries_server_errors_with_exponential_backoff(webhook):
    webhook["codes"] = [503, 500, 200]
    waits = []
    sender = WebhookSender(webhook["url"], retries=3, backoff=0.5, sleep=waits.append)
    sender.send({"idempotency_key": "outbox-7", "message": "hi"})
    assert waits == [0.5, 1.0]
    assert len(webhook["bodies"]) == 3 and set(webhook["keys"]) == {"outbox-7"}


def test_webhook_gives_up_on_client_errors_and_after_the_retries(webhook):
    webhook["codes"] = [404]
    sender = WebhookSender(webhook["url"], retries=3, sleep=lambda s: None)
    with pytest.raises(SendError) as err:
        sender.send({"idempotency_key": "k"})
    assert err.value.permanent and len(webhook["bodies"]) == 1
    webhook["codes"] = [503] * 5
    with pytest.raises(SendError) as err:
        WebhookSender(webhook["url"], retries=2, sleep=lambda s: None).send({"idempotency_key": "k"})
    assert not err.value.permanent and "after 3 attempts" in str(err.value)


def test_webhook_unreachable_is_a_temporary_failure():
    sender = WebhookSender("http://127.0.0.1:9/none", retries=1, timeout=1, sleep=lambda s: None)
    with pytest.raises(SendError, match="cannot reach"):
        sender.send({"idempotency_key": "k"})


def test_dispatch_through_the_webhook_marks_rows_sent(workspace, webhook):
    store.enqueue(workspace, due_now(workspace, 200).nudges, at(200))
    webhook["codes"] = [503]
    counts = store.dispatch(workspace, WebhookSender(webhook["url"], sleep=lambda s: None))
    assert counts == {"sent": 3, "failed": 0, "pending": 0}
    assert sorted(b["user_id"] for b in webhook["bodies"]) == ["u1", "u1", "u2", "u3"]


def test_events_and_rules_round_trip_through_the_workspace(any_db_url):
    from engine.store import open_workspace

    ws = open_workspace(any_db_url)
    events = log(*EVENTS, ("u4", "kyc", "x", "enter", "1800000000.123456789"))
    assert store.import_events(ws, events) == 5
    assert store.import_events(ws, log(("u5", "loan", "a", "enter", 1))) == 1
    back = store.workspace_events(ws)
    assert back["ts"].to_pylist()[:5] == events["ts"].to_pylist()
    assert back["ts"].to_pylist()[4] == 1_800_000_000_123_456_789
    assert back["user_id"].cast("string").to_pylist() == ["u1", "u2", "u3", "u3", "u4", "u5"]
    assert back["attrs"][0].as_py() == '{"name": "Li"}'
    store.save_processes(ws, rules())
    assert store.load_processes(ws) == sorted(rules(), key=lambda p: p.id)
    ws.dispose()
