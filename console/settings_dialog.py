"""Settings dialog: who I am, where the face model is, the nudge webhook."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from console.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.user = QLineEdit(settings.user)
        self.model_path = QLineEdit(settings.model_path or "")
        self.model_path.setPlaceholderText(self.tr("face_landmarker.task (optional)"))
        self.webhook = QLineEdit(settings.webhook_url or "")
        self.webhook.setPlaceholderText("https://…")
        form = QFormLayout(self)
        form.addRow(self.tr("Your name (recorded with edits):"), self.user)
        form.addRow(self.tr("Face model file:"), self.model_path)
        form.addRow(self.tr("Nudge webhook URL:"), self.webhook)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        self._settings.user = self.user.text().strip() or "staff"
        self._settings.model_path = self.model_path.text().strip() or None
        self._settings.webhook_url = self.webhook.text().strip() or None
