"""The avatars pane: loading off the GUI thread, portrait and candidates, group preview, actions."""
import pytest
from PySide6.QtCore import Qt

from engine.avatars import flow
from tests.engine.avatars.conftest import make_people
from widgets.avatars.models import PicturesModel, RowsTableModel
from widgets.context import PaneContext
from widgets.tasks import TaskRunner


@pytest.fixture
def ws(workspace):
    make_people(workspace, n=30)
    flow.assign_all(workspace)
    return workspace


@pytest.fixture
def pane(qtbot, ws):
    from widgets.avatars.pane import AvatarsPane

    runner = TaskRunner()
    p = AvatarsPane(PaneContext(workspace=ws, tasks=runner, user="s9"))
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    p.refresh()
    qtbot.waitUntil(lambda: p._detail is not None and runner.is_idle(), timeout=60000)
    yield p
    p.shutdown()
    runner.shutdown()
    # let the cancelled/finished tasks report back while the pane still exists
    qtbot.waitUntil(runner.is_idle, timeout=30000)


def idle(qtbot, pane):
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=60000)


def test_models_pass_the_model_tester(qapp, qtmodeltester):
    m = RowsTableModel([("A", "a"), ("B", "b")])
    m.set_rows([{"a": "x", "b": 2.0}, {"a": "y", "b": None}, {"a": "z", "b": 1.0}])
    qtmodeltester.check(m)
    m.sort(1, Qt.DescendingOrder)
    assert [r["a"] for r in m.rows()] == ["x", "z", "y"]
    p = PicturesModel()
    p.set_rows([{"id": "a", "title": "A", "theme": "art", "tags": "theme:art=1", "png": b"",
                 "enabled": True, "used": 0, "style": "x", "source": "library", "version": 1}])
    qtmodeltester.check(p)
    p.set_filter("animals")
    assert p.rowCount() == 0


def test_user_list_portrait_candidates_and_group(qtbot, pane, qtmodeltester):
    assert pane.users_model.rowCount() == 28  # 30 customers, 2 with their own photo
    for model in (pane.users_model, pane.tags_model, pane.cands_model, pane.members_model):
        qtmodeltester.check(model)
    pane.select_user("c0001")  # interests: cats
    qtbot.waitUntil(lambda: pane._detail["user"]["user_id"] == "c0001", timeout=30000)
    idle(qtbot, pane)
    assert pane.tags_model.row(0)["tag"] == "theme:animals"
    assert pane.cands_model.row(0)["picture_id"].startswith("animals-cat")
    assert pane.cands_model.data(pane.cands_model.index(0, 0), Qt.DecorationRole) is not None
    assert pane.groups.count() == 2  # group g1 and the contact list of s1
    assert pane.members_model.rowCount() == 12
    assert "none confusable" in pane.group_summary.text()
    pane.groups.setCurrentIndex(1)
    qtbot.waitUntil(lambda: pane.members_model.rowCount() == 30, timeout=30000)
    idle(qtbot, pane)
    assert "none confusable" in pane.group_summary.text()
    pane.filter.setText("c000")
    assert pane.users_model.rowCount() == 10 - 2


def test_override_then_group_preview_highlights_the_clash(qtbot, pane, ws):
    a = flow.load_avatar
    with ws.session() as s:
        target = a(s, "c0003")
    flow.override(ws, "c0002", target.picture.id, target.look.background)
    pane.select_user("c0003")
    qtbot.waitUntil(lambda: pane._detail["user"]["user_id"] == "c0003", timeout=30000)
    idle(qtbot, pane)
    assert len(pane.members_model.highlight) == 2
    assert "confusable" in pane.group_summary.text()


def test_regenerate_lock_and_use_candidate(qtbot, pane):
    pane.select_user("c0004")
    qtbot.waitUntil(lambda: pane._detail["user"]["user_id"] == "c0004", timeout=30000)
    idle(qtbot, pane)
    before = pane._detail["assignment"]["picture_id"]
    pane.regenerate()
    qtbot.waitUntil(lambda: pane._detail is not None and
                    pane._detail["assignment"]["picture_id"] != before, timeout=30000)
    idle(qtbot, pane)
    pane.toggle_lock()
    qtbot.waitUntil(lambda: pane._detail is not None and pane._detail["assignment"]["locked"],
                    timeout=30000)
    idle(qtbot, pane)
    assert pane.lock_button.text() == "Unlock"
    locked_picture = pane._detail["assignment"]["picture_id"]
    pane.regenerate()
    qtbot.waitUntil(lambda: "is locked" in pane.message.text(), timeout=30000)
    qtbot.waitUntil(lambda: pane._detail is not None, timeout=30000)
    idle(qtbot, pane)
    assert pane._detail["assignment"]["picture_id"] == locked_picture
    pane.cands_view.setCurrentIndex(pane.cands_model.index(2, 0))
    chosen = pane.cands_model.row(2)["picture_id"]
    pane.use_candidate()
    qtbot.waitUntil(lambda: pane._detail is not None and
                    pane._detail["assignment"]["picture_id"] == chosen, timeout=30000)
    assert pane._detail["assignment"]["override"]


def test_library_tab_edits_tags_and_reports_errors_inline(qtbot, pane, tmp_path):
    pane.tabs.setCurrentIndex(1)
    lib = pane.library
    qtbot.waitUntil(lambda: lib.model.rowCount() >= 200, timeout=60000)
    idle(qtbot, pane)
    lib.search.setText("panda")
    assert lib.model.rowCount() == 6
    lib.view.setCurrentIndex(lib.model.index(0))
    assert lib.save_tags.isEnabled()
    lib.tags.setPlainText(lib.tags.toPlainText() + ",\nregion:cn=1")
    lib.save_tags.click()
    qtbot.waitUntil(lambda: "saved" in lib.message.text(), timeout=30000)
    assert "region:cn=1" in lib.model.data(lib.model.index(0), Qt.ToolTipRole)
    lib.tags.setPlainText("not a tag")
    lib.save_tags.click()
    qtbot.waitUntil(lambda: "not a tag like" in lib.message.text(), timeout=30000)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"junk")
    lib.add_picture(str(bad), "Broken", "art", "")
    qtbot.waitUntil(lambda: "not a readable image" in lib.message.text(), timeout=30000)
    idle(qtbot, pane)
