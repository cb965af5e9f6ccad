"""The profile card (fields with provenance and history) and the tags & notes editor."""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from engine.profiles.lexicon import FIELDS, PII_FIELDS

ENUM_FIELDS = frozenset({"gender", "family", "intent", "interests"})
from engine.profiles.pii import mask
from widgets.profiles.models import RecordsModel


class ProfileCardView(QWidget):
    """Emits the user's intents; the pane runs them as tasks."""

    accept_requested = Signal(int, int)  # field id, version
    reject_requested = Signal(int, int)
    edit_requested = Signal(int, int, str)  # field id, version, new text
    add_requested = Signal(str, str)  # field, text
    reveal_requested = Signal()
    show_message = Signal(str)  # message id: show it in the conversation

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.revealed = False
        self._label_map = self._labels()
        self._value_map = self._values()
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.RichText)
        self.reveal_button = QPushButton(self.tr("Reveal personal data"))
        self.reveal_button.setToolTip(self.tr("Phone, ID number, e-mail, address… are masked; revealing is logged"))
        self.reveal_button.clicked.connect(self.reveal_requested)
        self.fields = RecordsModel([("field", self.tr("Field")), ("display", self.tr("Value")),
                                    ("status", self.tr("Status")), ("confidence", self.tr("Conf.")),
                                    ("source", self.tr("Source")), ("observed_at", self.tr("Seen")),
                                    ("updated_by", self.tr("By"))], self, formatter=self._fmt)
        self.table = QTableView()
        self.table.setModel(self.fields)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((74, 150, 78, 44, 64, 80)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._jump)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_button.clicked.connect(lambda: self._act(self.accept_requested))
        self.reject_button.clicked.connect(lambda: self._act(self.reject_requested))
        self.field_combo = QComboBox()  # labels in the UI language, the field name as item data
        for field in FIELDS:
            self.field_combo.addItem(self._label_map.get(field, field), field)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("New or corrected value"))
        self.save_button = QPushButton(self.tr("Save value"))
        self.save_button.setToolTip(self.tr("Corrects the selected row, or adds a value for the chosen field"))
        self.save_button.clicked.connect(self._save)
        self.value_edit.returnPressed.connect(self._save)
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.history = RecordsModel([("at", self.tr("When")), ("field", self.tr("Field")),
                                     ("action", self.tr("Action")), ("old", self.tr("Before")),
                                     ("new", self.tr("After")), ("by", self.tr("By"))], self,
                                    formatter=lambda k, r: f"{r[k]:%Y-%m-%d %H:%M}" if k == "at" else r.get(k))
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(False)
        self.history_view.setColumnWidth(0, 120)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.reveal_button)
        actions = QHBoxLayout()
        actions.addWidget(self.accept_button)
        actions.addWidget(self.reject_button)
        actions.addSpacing(12)
        actions.addWidget(self.field_combo)
        actions.addWidget(self.value_edit, 1)
        actions.addWidget(self.save_button)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(top)
        ul.addWidget(self.table, 1)
        ul.addLayout(actions)
        ul.addWidget(self.provenance)
        split = QSplitter(Qt.Vertical)
        split.addWidget(upper)
        split.addWidget(self.history_view)
        split.setSizes([400, 160])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self._all_history: list[dict] = []
        self._selection_changed()

    def _labels(self) -> dict:
        return {"name": self.tr("name"), "gender": self.tr("gender"), "phone": self.tr("phone"),
                "email": self.tr("e-mail"), "wechat_id": self.tr("WeChat ID"), "qq": self.tr("QQ"),
                "id_number": self.tr("ID number"), "birthday": self.tr("birthday"), "age": self.tr("age"),
                "company": self.tr("company"), "job_title": self.tr("job title"), "city": self.tr("city"),
                "address": self.tr("address"), "budget": self.tr("budget"), "interests": self.tr("interests"),
                "family": self.tr("family"), "intent": self.tr("intent"), "suggested": self.tr("suggested"),
                "accepted": self.tr("accepted"), "rejected": self.tr("rejected"),
                "superseded": self.tr("superseded"), "text": self.tr("text"), "image": self.tr("image"),
                "qr": self.tr("QR"), "directory": self.tr("directory"), "staff": self.tr("staff")}

    def _values(self) -> dict:
        """Words of the enumerated fields (gender, family, intent, interest tags) in the UI language."""
        return {"male": self.tr("male"), "female": self.tr("female"), "unknown": self.tr("unknown"),
                "married": self.tr("married"), "has_children": self.tr("has children"),
                "single": self.tr("single"), "divorced": self.tr("divorced"),
                "expecting": self.tr("expecting a baby"), "buying": self.tr("buying"),
                "comparing": self.tr("comparing"), "complaining": self.tr("complaining"),
                "inquiring": self.tr("inquiring"), "cancelling": self.tr("cancelling"),
                "travel": self.tr("travel"), "sports": self.tr("sports"), "outdoors": self.tr("outdoors"),
                "food": self.tr("food"), "music": self.tr("music"), "reading": self.tr("reading"),
                "photography": self.tr("photography"), "gaming": self.tr("gaming"),
                "investing": self.tr("investing"), "cars": self.tr("cars"), "fashion": self.tr("fashion"),
                "beauty": self.tr("beauty"), "pets": self.tr("pets"), "tech": self.tr("tech"),
                "art": self.tr("art"), "movies": self.tr("movies")}

    def _fmt(self, key: str, rec: dict):
        if key in ("field", "status", "source"):
            return self._label_map.get(rec[key], rec[key])
        if key == "display" and rec["field"] in PII_FIELDS and not self.revealed:
            return mask(rec["field"], rec["display"])
        if key == "display" and rec["field"] in ENUM_FIELDS:
            return self._value_map.get(rec["display"], rec["display"])
        if key == "confidence":
            return f"{rec['confidence']:.2f}"
        if key == "observed_at":
            return f"{rec['observed_at']:%Y-%m-%d}"
        return rec.get(key)

    def set_profile(self, profile: dict, revealed: bool) -> None:
        self.revealed = revealed
        c = profile["customer"]
        bits = [f"<b>{c['nickname'] or c['id']}</b> <span style='color:#888'>{c['id']}</span>"]
        gender = self._value_map.get(c.get("gender"), c.get("gender"))
        extra = [x for x in (gender, c.get("region"), c.get("signature")) if x]
        if extra:
            bits.append(" · ".join(extra))
        self.header.setText("<br>".join(bits))
        self.reveal_button.setEnabled(not revealed)
        order = {"accepted": 0, "suggested": 1, "superseded": 2, "rejected": 3}
        rows = sorted(profile["fields"], key=lambda f: (FIELDS.index(f["field"]) if f["field"] in FIELDS else 99,
                                                        order.get(f["status"], 9), -f["observed_at"].timestamp()))
        self.fields.set_rows(rows)
        self._all_history = profile["history"]
        self.history.set_rows(self._all_history)
        self._selection_changed()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.fields.record(rows[0].row()) if rows else None

    def _selection_changed(self, *_):
        rec = self.selected()
        self.accept_button.setEnabled(bool(rec and rec["status"] != "accepted"))
        self.reject_button.setEnabled(bool(rec and rec["status"] != "rejected"))
        if rec:
            self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(rec["field"])))
            src = {"text": self.tr("from message"), "image": self.tr("read from image in message"),
                   "qr": self.tr("QR code in message"), "directory": self.tr("IM directory"),
                   "staff": self.tr("typed by staff")}.get(rec["source"], rec["source"])
            ev = f" — “{rec['evidence']}”" if rec.get("evidence") and (self.revealed or rec["field"] not in PII_FIELDS) else ""
            self.provenance.setText(f"{src} {rec.get('message_id') or ''}{ev}")
            self.history.set_rows([h for h in self._all_history if h["field_id"] == rec["id"]] or self._all_history)
        else:
            self.provenance.setText(self.tr("Select a field to see where it came from and its history."))

    def _act(self, signal) -> None:
        rec = self.selected()
        if rec:
            signal.emit(rec["id"], rec["version"])

    def _save(self) -> None:
        text = self.value_edit.text().strip()
        if not text:
            return
        rec = self.selected()
        field = self.field_combo.currentData()
        if rec and rec["field"] == field:
            self.edit_requested.emit(rec["id"], rec["version"], text)
        else:
            self.add_requested.emit(field, text)
        self.value_edit.clear()

    def _jump(self, index) -> None:
        rec = self.fields.record(index.row())
        if rec and rec.get("message_id"):
            self.show_message.emit(rec["message_id"])


class TagsNotesView(QWidget):
    add_tag = Signal(str)
    remove_tag = Signal(str)
    add_note = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tags = QStringListModel(self)
        self.tag_view = QListView()
        self.tag_view.setModel(self.tags)
        self.tag_view.setFlow(QListView.LeftToRight)
        self.tag_view.setWrapping(True)
        self.tag_view.setSpacing(4)
        self.tag_view.setMaximumHeight(90)
        self.known_tags = QStringListModel(self)
        self.tag_edit = QLineEdit()
        self.tag_edit.setPlaceholderText(self.tr("Add a tag…"))
        self.tag_edit.setCompleter(QCompleter(self.known_tags, self))
        self.tag_edit.returnPressed.connect(self._add_tag)
        add = QPushButton(self.tr("Add tag"))
        add.clicked.connect(self._add_tag)
        remove = QPushButton(self.tr("Remove selected tag"))
        remove.clicked.connect(self._remove_tag)
        self.notes = QStringListModel(self)
        self.note_view = QListView()
        self.note_view.setModel(self.notes)
        self.note_view.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Write a note for colleagues…"))
        self.note_edit.setMaximumHeight(80)
        add_note = QPushButton(self.tr("Add note"))
        add_note.clicked.connect(self._add_note)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Tags")))
        lay.addWidget(self.tag_view)
        row = QHBoxLayout()
        row.addWidget(self.tag_edit, 1)
        row.addWidget(add)
        row.addWidget(remove)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Notes")))
        lay.addWidget(self.note_view, 1)
        lay.addWidget(self.note_edit)
        lay.addWidget(add_note, 0, Qt.AlignRight)

    def set_data(self, tags: list[str], notes: list[dict], known: list[str]) -> None:
        self.tags.setStringList(tags)
        self.notes.setStringList([f"{n['at']:%Y-%m-%d} {n['author']}: {n['text']}" for n in notes])
        self.known_tags.setStringList(known)

    def _add_tag(self) -> None:
        tag = self.tag_edit.text().strip()
        if tag:
            self.add_tag.emit(tag)
            self.tag_edit.clear()

    def _remove_tag(self) -> None:
        idx = self.tag_view.currentIndex()
        if idx.isValid():
            self.remove_tag.emit(self.tags.data(idx))

    def _add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if text:
            self.add_note.emit(text)
            self.note_edit.clear()
