"""The library browser of the avatars pane: thumbnails, tag editing, adding pictures."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from engine.avatars.vocab import THEMES
from widgets.avatars.models import PicturesModel, RowRole, pixmap_from_png
from widgets.pane import InlineMessage


def _library_rows(workspace, state):
    from engine.avatars.manage import list_pictures

    return list_pictures(workspace, state=state)


class AddPictureDialog(QDialog):
    def __init__(self, path: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add picture"))
        self.title = QLineEdit()
        self.theme = QComboBox()
        self.theme.setEditable(True)
        self.theme.addItems(list(THEMES))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("e.g. motif:cat, age:child=0.8"))
        form = QFormLayout(self)
        form.addRow(self.tr("File"), QLabel(path))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Tags"), self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class LibraryView(QWidget):
    """Browse the library by theme or text, edit a picture's tags, add staff pictures."""

    changed = Signal()

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self._owner = object()
        self._edit_owner = object()
        self.model = PicturesModel(self)
        self.message = InlineMessage()
        self.theme = QComboBox()
        self.theme.addItem(self.tr("All themes"), "")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search id, title or tag…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.add_button = QPushButton(self.tr("Add picture…"))
        self.count = QLabel()
        top = QHBoxLayout()
        for w in (QLabel(self.tr("Theme")), self.theme, self.search, self.count):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.add_button)

        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.IconMode)
        self.view.setIconSize(QSize(64, 64))
        self.view.setGridSize(QSize(100, 100))
        self.view.setResizeMode(QListView.Adjust)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(True)

        self.preview = QLabel()
        self.preview.setFixedSize(128, 128)
        self.info = QLabel(self.tr("Select a picture to see and edit its tags."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tags = QPlainTextEdit()
        self.tags.setPlaceholderText(self.tr("family:value=weight, …"))
        self.tags.setMaximumHeight(150)
        self.save_tags = QPushButton(self.tr("Save tags"))
        self.enabled = QCheckBox(self.tr("Offer this picture"))
        side = QWidget()
        form = QVBoxLayout(side)
        form.addWidget(self.preview)
        form.addWidget(self.info)
        form.addWidget(QLabel(self.tr("Tags (weights 0–1; theme:, motif:, age:, region:, activity:)")))
        form.addWidget(self.tags)
        row = QHBoxLayout()
        row.addWidget(self.save_tags)
        row.addWidget(self.enabled)
        row.addStretch(1)
        form.addLayout(row)
        form.addStretch(1)
        self.save_tags.setEnabled(False)
        self.enabled.setEnabled(False)

        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self.theme.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.view.selectionModel().currentChanged.connect(lambda cur, _p: self._show(cur))
        self.save_tags.clicked.connect(self._save_tags)
        self.enabled.toggled.connect(self._toggle_enabled)
        self.add_button.clicked.connect(self._choose_file)
        self._current: dict | None = None

    def refresh(self) -> None:
        self.context.tasks.submit(_library_rows, self.context.workspace, owner=self._owner,
                                  title=self.tr("Loading avatar library"),
                                  on_done=self._loaded, on_error=self._error)

    def _loaded(self, rows: list[dict]) -> None:
        keep = self.theme.currentData()
        self.model.set_rows(rows)
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(self.tr("All themes"), "")
        for t in self.model.themes():
            self.theme.addItem(t, t)
        i = self.theme.findData(keep)
        self.theme.setCurrentIndex(max(0, i))
        self.theme.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self, *_args) -> None:
        self.model.set_filter(self.theme.currentData() or "", self.search.text())
        self.count.setText(self.tr("{0} pictures").format(self.model.rowCount()))

    def _show(self, index) -> None:
        row = index.data(RowRole) if index.isValid() else None
        self._current = row
        self.save_tags.setEnabled(row is not None)
        self.enabled.setEnabled(row is not None)
        if row is None:
            return
        self.preview.setPixmap(pixmap_from_png(row["png"]).scaled(
            128, 128, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.info.setText(self.tr("<b>{0}</b><br>{1} · theme {2} · style {3} · {4}<br>"
                                  "used by {5} users").format(
            row["title"], row["id"], row["theme"], row["style"], row["source"], row["used"]))
        self.tags.setPlainText(row["tags"].replace(",", ",\n"))
        self.enabled.blockSignals(True)
        self.enabled.setChecked(row["enabled"])
        self.enabled.blockSignals(False)

    def _save_tags(self) -> None:
        row = self._current
        if row is None:
            return
        from engine.avatars.manage import set_picture_tags

        ws, pid, version = self.context.workspace, row["id"], row["version"]
        text = self.tags.toPlainText()
        by = self.context.user
        self.context.tasks.submit(
            lambda state: set_picture_tags(ws, pid, text, version=version, by=by),
            title=self.tr("Saving tags"), owner=self._edit_owner,
            on_done=lambda v: self._saved(pid, text, v), on_error=self._error)

    def _saved(self, pid: str, text: str, version: int) -> None:
        from engine.avatars.library import format_tags, parse_tags

        self.model.update_row(pid, tags=format_tags(parse_tags(text)), version=version)
        self.message.show_message("info", self.tr("Tags of {0} saved.").format(pid))
        self.changed.emit()

    def _toggle_enabled(self, on: bool) -> None:
        row = self._current
        if row is None:
            return
        from engine.avatars.manage import set_picture_enabled

        ws, pid, by = self.context.workspace, row["id"], self.context.user
        self.context.tasks.submit(lambda state: set_picture_enabled(ws, pid, on, by=by),
                                  title=self.tr("Updating picture"), owner=self._edit_owner,
                                  on_done=lambda _r: self.refresh(), on_error=self._error)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add picture"), "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.webp *.json)"))
        if not path:
            return
        dialog = AddPictureDialog(path, self)
        if dialog.exec() == QDialog.Accepted:
            self.add_picture(path, dialog.title.text(), dialog.theme.currentText(),
                             dialog.tags.text())

    def add_picture(self, path: str, title: str, theme: str, tags: str):
        from engine.avatars.manage import add_picture_file

        ws, by = self.context.workspace, self.context.user
        return self.context.tasks.submit(
            lambda state: add_picture_file(ws, path, title=title, theme=theme, tags=tags, by=by),
            title=self.tr("Adding picture"), owner=self._edit_owner,
            on_done=self._added, on_error=self._error)

    def _added(self, pid: str) -> None:
        self.message.show_message("info", self.tr("Added {0} to the library.").format(pid))
        self.refresh()
        self.changed.emit()

    def _error(self, message: str) -> None:
        self.message.show_message("error", message)
