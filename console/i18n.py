"""Installs the translators for the chosen UI language (English source, 简体中文)."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from engine.resources import resource

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []


def install_translators(app: QApplication, language: str) -> bool:
    """Returns False when the language's translation file is missing (English is shown)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English))
        return True
    QLocale.setDefault(QLocale(language))
    ok = False
    # one catalogue per part of the app (console_zh_CN.qm, profiles_zh_CN.qm, …)
    for qm in sorted(resource("translations").glob(f"*_{language}.qm")):
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
            ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok
