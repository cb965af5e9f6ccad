from console.app import create_window
from console.settings import Settings, load_settings, save_settings
from engine.store import open_workspace


def test_main_window_has_menus_status_and_panes(qtbot, demo_workspace):
    window = create_window(demo_workspace, Settings())
    qtbot.addWidget(window)
    window.show()
    window.start()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Workspace", "View", "Help"]
    # only panes whose modules exist are listed, and each opens
    for name in window.pane_names():
        pane = window.show_pane(name)
        assert window.stack.currentWidget() is pane
    assert "demo.sqlite" in window.workspace_label.text()
    window.close()


def test_switching_workspace_rebuilds_panes(qtbot, demo_workspace, tmp_path):
    window = create_window(demo_workspace, Settings())
    qtbot.addWidget(window)
    window.show()
    window.start()
    other = open_workspace(f"sqlite:///{tmp_path / 'other.sqlite'}")
    window.set_workspace(other)
    assert "other.sqlite" in window.workspace_label.text()
    window.close()


def test_settings_round_trip_and_migrate(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"version": 1, "dark_mode": true, "user": "Li"}')
    s = load_settings(path)
    assert (s.theme, s.user, s.version) == ("dark", "Li", 2)
    s.language = "zh_CN"
    save_settings(s, path)
    assert load_settings(path).language == "zh_CN"
    path.write_text("{broken")
    assert load_settings(path) == Settings()
