"""The panes the console can show.  A pane is listed only if its module exists."""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class PaneSpec:
    name: str  # used by --pane and settings
    module: str
    cls: str
    title_source: str  # English source text, translated with context "Panes"
    audience: str

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Panes", self.title_source)

    def load(self):
        from PySide6.QtWidgets import QApplication

        from console.theme import apply_plot_theme

        apply_plot_theme(QApplication.instance())  # plots take the palette in force
        return getattr(importlib.import_module(self.module), self.cls)


KNOWN_PANES = [
    PaneSpec("profiles", "widgets.profiles.pane", "ProfilesPane", QT_TRANSLATE_NOOP("Panes", "Customer profiles"), "service"),
    PaneSpec("fraud", "widgets.fraud.pane", "FraudPane", QT_TRANSLATE_NOOP("Panes", "Fraud groups"), "moderation"),
    PaneSpec("avatars", "widgets.avatars.pane", "AvatarsPane", QT_TRANSLATE_NOOP("Panes", "Default avatars"), "product"),
    PaneSpec("expressions", "widgets.expressions.pane", "ExpressionsPane", QT_TRANSLATE_NOOP("Panes", "Expression capture"),
             "product"),
    PaneSpec("nudges", "widgets.nudges.pane", "NudgesPane", QT_TRANSLATE_NOOP("Panes", "Dwell-time nudges"), "product"),
]


AUDIENCES = {
    "service": QT_TRANSLATE_NOOP("Panes", "Customer service"),
    "moderation": QT_TRANSLATE_NOOP("Panes", "Moderation"),
    "product": QT_TRANSLATE_NOOP("Panes", "Product"),
}


def available_panes() -> list[PaneSpec]:
    found = []
    for spec in KNOWN_PANES:
        try:
            present = importlib.util.find_spec(spec.module) is not None
        except ModuleNotFoundError:  # the pane's package is not there
            present = False
        if present:
            found.append(spec)
    return found


def pane_spec(name: str) -> PaneSpec:
    for spec in available_panes():
        if spec.name == name:
            return spec
    names = ", ".join(s.name for s in available_panes()) or "none"
    raise KeyError(f"no pane named '{name}' (available: {names})")
