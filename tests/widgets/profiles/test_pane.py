"""The profiles pane: lazy list model, masked PII, click-to-accept, tags, closeness button."""
import pytest

from engine.profiles import edits, queries
from widgets.profiles.models import PAGE, CustomerListModel


def test_list_model_fetches_pages_lazily(qtmodeltester):
    calls = []

    def fetch(ids):
        calls.append(len(ids))
        return {i: {"id": i, "name": f"n{i}", "phone": "+8613812345678", "pending": 1} for i in ids}

    model = CustomerListModel(fetch)
    model.set_ids([f"c{i:06d}" for i in range(100_000)])
    assert model.rowCount() == 100_000 and calls == []
    assert model.data(model.index(5, 3)) == "+86138****5678"  # masked until revealed
    assert calls == [PAGE]
    model.data(model.index(150, 1))
    assert calls == [PAGE]  # same page, cached
    model.data(model.index(99_999, 1))
    assert calls == [PAGE, PAGE]
    model.revealed.add("c000005")
    assert model.data(model.index(5, 3)) == "+8613812345678"
    small = CustomerListModel(fetch)
    small.set_ids([f"c{i}" for i in range(30)])
    qtmodeltester.check(small)


@pytest.fixture
def pane(qtbot, profiles_workspace):
    from widgets.context import PaneContext
    from widgets.profiles.pane import ProfilesPane
    from widgets.tasks import TaskRunner

    runner = TaskRunner()
    p = ProfilesPane(PaneContext(workspace=profiles_workspace, tasks=runner, user="tester"))
    qtbot.addWidget(p)
    p.resize(1300, 800)
    with qtbot.waitSignal(runner.task_ended, timeout=20000):
        p.refresh()
    qtbot.waitUntil(lambda: p.profile is not None, timeout=20000)
    qtbot.waitUntil(runner.is_idle, timeout=20000)
    yield p
    p.shutdown()
    runner.shutdown()


def test_pane_shows_a_customer_and_clicking_a_span_accepts_it(qtbot, pane, qtmodeltester):
    qtmodeltester.check(pane.card.fields)
    qtmodeltester.check(pane.closeness.model)
    qtmodeltester.check(pane.timeline.model)
    prof = pane.profile
    assert pane.list_model.rowCount() == 2000
    suggested = [f for m in prof["messages"] for f in m["facts"] if f["status"] == "suggested"]
    assert suggested, "the demo customer listed first has suggestions to review"
    fact = suggested[0]
    assert f"fact:{fact['id']}:{fact['version']}" in pane.conversation.toHtml()
    pane.conversation.fact_clicked.emit(fact["id"], fact["version"])
    qtbot.waitUntil(lambda: any(f["id"] == fact["id"] and f["status"] == "accepted"
                                for f in pane.profile["fields"]), timeout=20000)
    hist = pane.profile["history"]
    assert hist[0]["action"] == "accept" and hist[0]["by"] == "tester"
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=20000)


def test_pii_is_masked_until_revealed(qtbot, pane):
    phones = [i for i in range(pane.card.fields.rowCount()) if pane.card.fields.record(i)["field"] == "phone"]
    assert phones
    idx = pane.card.fields.index(phones[0], 1)
    assert "****" in pane.card.fields.data(idx)
    pane.card.reveal_button.click()
    qtbot.waitUntil(lambda: pane.context.tasks.is_idle() and pane.card.revealed, timeout=20000)
    assert "****" not in pane.card.fields.data(pane.card.fields.index(phones[0], 1))
    hist = queries.load_profile(pane.context.workspace, pane.customer_id)["history"]
    assert any(h["action"] == "reveal" and h["by"] == "tester" for h in hist)


def test_conflicting_edit_is_shown_not_lost(qtbot, pane):
    rec = next(f for f in pane.profile["fields"] if f["status"] == "suggested")
    edits.reject(pane.context.workspace, rec["id"], by="colleague", version=rec["version"])
    pane.card.accept_requested.emit(rec["id"], rec["version"])  # stale version
    qtbot.waitUntil(lambda: pane.message.isVisible() or not pane.message.isHidden(), timeout=20000)
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=20000)
    assert "colleague" in pane.message.text()
    assert next(f for f in pane.profile["fields"] if f["id"] == rec["id"])["status"] == "rejected"


def test_tags_and_closeness_button(qtbot, pane):
    pane.tags_notes.tag_edit.setText("回访")
    pane.tags_notes._add_tag()
    qtbot.waitUntil(lambda: "回访" in pane.tags_notes.tags.stringList(), timeout=20000)
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=20000)
    ranking = pane.profile["closeness"]
    assert ranking and ranking == sorted(ranking, key=lambda r: -r["score"])
    target = next((r for r in ranking if r["conversation_id"]), None)
    if target:
        row = ranking.index(target)
        pane.closeness.table.selectRow(row)
        assert pane.closeness.open_button.isEnabled()
        pane.closeness.open_button.click()
        qtbot.waitUntil(lambda: pane.profile["conversation_id"] == target["conversation_id"], timeout=20000)
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=20000)


def test_refresh_picks_up_a_colleagues_change(qtbot, pane):
    cid = pane.customer_id
    edits.add_note(pane.context.workspace, cid, "called back", by="colleague")
    pane._poll_changes()  # what the timer does every few seconds on SQLite
    qtbot.waitUntil(lambda: any(n["text"] == "called back" for n in pane.profile["notes"]), timeout=20000)
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=20000)


def test_search_and_field_filter(qtbot, pane):
    cid = pane.customer_id
    pane.search.setText(cid)
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == 1, timeout=20000)
    assert pane.list_model.customer_id(0) == cid
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.list_model.rowCount() == 2000, timeout=20000)
    pane.field_filter.setCurrentIndex(pane.field_filter.findData("id_number"))
    qtbot.waitUntil(lambda: 0 < pane.list_model.rowCount() < 2000, timeout=20000)
    ids = [pane.list_model.customer_id(r) for r in range(pane.list_model.rowCount())]
    assert ids == queries.customer_ids(pane.context.workspace, has_field="id_number", sort="pending", descending=True)
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=20000)


@pytest.mark.slow
def test_postgres_pane_updates_live_on_a_colleagues_edit(qtbot, postgres_server, tmp_path):
    import json
    from datetime import datetime, timezone

    from engine.profiles import service
    from engine.store import open_workspace
    from widgets.context import PaneContext
    from widgets.profiles.pane import ProfilesPane
    from widgets.tasks import TaskRunner

    ws = open_workspace(postgres_server.new_database())
    chat = tmp_path / "chat.jsonl"
    ts = datetime(2026, 10, 14, tzinfo=timezone.utc).isoformat()
    chat.write_text(json.dumps({"id": "m1", "conversation_id": "k", "sender_id": "cu1", "sender_role": "customer",
                                "ts": ts, "text": "我叫王芳"}, ensure_ascii=False) + "\n", encoding="utf-8")
    service.import_file(ws, chat, ocr=False)
    runner = TaskRunner()
    pane = ProfilesPane(PaneContext(workspace=ws, tasks=runner, user="alice"))
    qtbot.addWidget(pane)
    try:
        pane.refresh()
        qtbot.waitUntil(lambda: pane.profile is not None and runner.is_idle(), timeout=20000)
        assert pane._listener is not None
        pane._poll.stop()  # only the LISTEN/NOTIFY path may deliver the change in this test
        edits.add_tag(ws, "cu1", "VIP", by="bob")
        qtbot.waitUntil(lambda: "VIP" in pane.profile["tags"], timeout=20000)
        qtbot.waitUntil(runner.is_idle, timeout=20000)
    finally:
        pane.shutdown()
        runner.shutdown()
        ws.dispose()


def test_card_shows_field_words_in_the_ui_language_and_adds_by_field_name(qtbot):
    from widgets.profiles.card import ProfileCardView

    card = ProfileCardView()
    qtbot.addWidget(card)
    card.field_combo.setCurrentIndex(card.field_combo.findData("city"))
    assert card.field_combo.currentText() == card.tr("city")
    card.value_edit.setText("杭州")
    with qtbot.waitSignal(card.add_requested) as sent:
        card._save()
    assert sent.args == ["city", "杭州"]
    rec = {"field": "interests", "display": "pets"}
    assert card._fmt("display", rec) == card.tr("pets")
