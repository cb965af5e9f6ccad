import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QApplication

from console.app import create_window
from console.i18n import install_translators
from console.settings import Settings
from engine.resources import resource


def test_chinese_ui(qtbot, demo_workspace):
    try:
        window = create_window(demo_workspace, Settings(language="zh_CN"))
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["工作区(&W)", "视图(&V)", "帮助(&H)"]
        assert window.windowTitle() == "运营控制台"
        window.close()
    finally:
        install_translators(QApplication.instance(), "en")


def test_catalogues_are_complete():
    """Every shipped catalogue translates every string it extracted."""
    catalogues = sorted(resource("translations").glob("*_zh_CN.ts"))
    assert catalogues, "no translation catalogues shipped"
    for ts in catalogues:
        unfinished = [m.findtext("source") for m in ET.parse(ts).iter("message")
                      if m.find("translation").get("type") == "unfinished"
                      or not (m.findtext("translation") or "").strip()]
        assert not unfinished, f"{ts.name}: untranslated {unfinished[:5]}"
        assert ts.with_suffix(".qm").exists(), f"{ts.name} was not compiled (.qm missing)"
