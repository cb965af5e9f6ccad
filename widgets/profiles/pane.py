"""Customer profiles pane: customer list | conversation | profile card, tags, closeness, timeline."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from engine.profiles import edits, queries, service, sync
from engine.profiles.lexicon import FIELDS
from widgets.pane import InlineMessage, Pane
from widgets.profiles.card import ProfileCardView, TagsNotesView
from widgets.profiles.charts import ClosenessView, TimelineView
from widgets.profiles.conversation import ConversationView
from widgets.profiles.models import CustomerListModel


def _load_customer(ws, customer_id, conversation_id=None, state=None):
    profile = queries.load_profile(ws, customer_id)
    convs = profile["conversations"]
    direct = [c for c in convs if not c["group_id"]] or convs
    conv = conversation_id or (direct[0]["conversation_id"] if direct else None)
    profile["messages"] = queries.conversation(ws, conv, customer_id) if conv else []
    profile["conversation_id"] = conv
    return profile


class ProfilesPane(Pane):
    remote_change = Signal(str)  # from the PostgreSQL listener thread (queued)
    POLL_MS = 3000

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        ws = context.workspace
        self.message = InlineMessage()
        self.customer_id: str | None = None
        self.profile: dict | None = None
        self.revealed: set[str] = set()
        self.last_event = 0
        self._listener = None
        # --- left: customer list
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, phone, company, id…"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.city_filter = QComboBox()
        self.field_filter = QComboBox()
        self.field_filter.addItem(self.tr("any field"), "")
        for f in FIELDS:
            self.field_filter.addItem(self.tr("has %1").replace("%1", f), f)
        self.show_pii = QPushButton(self.tr("Show phones"))
        self.show_pii.setCheckable(True)
        self.count_label = QLabel()
        self.list_model = CustomerListModel(lambda ids: queries.customer_rows(ws, ids), self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QTableView.SelectRows)
        self.list_view.setSelectionMode(QTableView.SingleSelection)
        self.list_view.setSortingEnabled(True)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setDefaultSectionSize(22)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        self.sort = ("pending", True)  # customers with suggestions to review first
        for col, width in enumerate((78, 86, 72, 112, 120, 110)):
            self.list_view.setColumnWidth(col, width)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.search)
        filters = QHBoxLayout()
        for w in (self.tag_filter, self.city_filter, self.field_filter):
            filters.addWidget(w, 1)
        ll.addLayout(filters)
        ll.addWidget(self.list_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.show_pii)
        ll.addLayout(bottom)
        # --- middle: conversation
        self.conv_combo = QComboBox()
        self.conversation = ConversationView()
        self.legend = QLabel(self.tr("Highlighted: <span style='background:#ffe58f;color:#111'>suggested</span> "
                                     "<span style='background:#b7eb8f;color:#111'>accepted</span> — click a suggestion to accept it"))
        mid = QWidget()
        ml = QVBoxLayout(mid)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.conv_combo)
        ml.addWidget(self.conversation, 1)
        ml.addWidget(self.legend)
        # --- right: tabs
        self.card = ProfileCardView()
        self.tags_notes = TagsNotesView()
        self.closeness = ClosenessView()
        self.timeline = TimelineView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.card, self.tr("Profile"))
        self.tabs.addTab(self.tags_notes, self.tr("Tags && notes"))
        self.tabs.addTab(self.closeness, self.tr("Closeness"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        # --- toolbar
        self.import_button = QPushButton(self.tr("Import chats…"))
        self.ocr_button = QPushButton(self.tr("Read images"))
        self.ocr_button.setToolTip(self.tr("Run OCR and QR decoding on this customer's images"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.sync_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.ocr_button)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.sync_label)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(mid)
        split.addWidget(self.tabs)
        split.setSizes([380, 430, 550])
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(split, 1)
        # --- wiring
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.reload_list)
        self.search.textChanged.connect(lambda: self._search_timer.start())
        for combo in (self.tag_filter, self.city_filter, self.field_filter):
            combo.currentIndexChanged.connect(lambda *_: self.reload_list())
        self.list_model.sort_requested.connect(self._sort)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.show_pii.toggled.connect(self._toggle_pii)
        self.conv_combo.activated.connect(self._conversation_chosen)
        self.conversation.fact_clicked.connect(lambda fid, v: self._edit(edits.accept, fid, by=self.context.user, version=v))
        self.card.accept_requested.connect(lambda fid, v: self._edit(edits.accept, fid, by=self.context.user, version=v))
        self.card.reject_requested.connect(lambda fid, v: self._edit(edits.reject, fid, by=self.context.user, version=v))
        self.card.edit_requested.connect(lambda fid, v, t: self._edit(edits.edit, fid, t, by=self.context.user, version=v))
        self.card.add_requested.connect(lambda f, t: self._edit(edits.add_value, self.customer_id, f, t, by=self.context.user))
        self.card.reveal_requested.connect(self._reveal)
        self.card.show_message.connect(self._show_message)
        self.tags_notes.add_tag.connect(lambda t: self._edit(edits.add_tag, self.customer_id, t, by=self.context.user))
        self.tags_notes.remove_tag.connect(lambda t: self._edit(edits.remove_tag, self.customer_id, t, by=self.context.user))
        self.tags_notes.add_note.connect(lambda t: self._edit(edits.add_note, self.customer_id, t, by=self.context.user))
        self.closeness.open_conversation.connect(self.open_conversation)
        self.import_button.clicked.connect(self._import_dialog)
        self.ocr_button.clicked.connect(self.read_images)
        self.refresh_button.clicked.connect(self.refresh)
        self.remote_change.connect(self._on_remote_change)
        self._poll = QTimer(self, interval=self.POLL_MS)
        self._poll.timeout.connect(self._poll_changes)
        self._filters_loaded = False

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self.context.tasks.submit(queries.filter_choices, self.context.workspace, title=self.tr("Loading filters"),
                                  owner=(self, "filters"), on_done=self._filters_ready, on_error=self._error)
        self.reload_list()
        self._start_sync()

    def _filters_ready(self, choices: dict) -> None:
        for combo, items, any_text in ((self.tag_filter, choices["tags"], self.tr("any tag")),
                                       (self.city_filter, choices["cities"], self.tr("any city"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, "")
            for it in items:
                combo.addItem(it, it)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    def reload_list(self) -> None:
        self.context.tasks.submit(
            queries.customer_ids, self.context.workspace, search=self.search.text().strip(),
            tag=self.tag_filter.currentData() or "", city=self.city_filter.currentData() or "",
            has_field=self.field_filter.currentData() or "", sort=self.sort[0], descending=self.sort[1],
            title=self.tr("Loading customers"), owner=(self, "list"), on_done=self._ids_ready, on_error=self._error)

    def _ids_ready(self, ids: list[str]) -> None:
        keep = self.customer_id
        self.list_model.set_ids(ids)
        self.count_label.setText(self.tr("%1 customers").replace("%1", f"{len(ids):,}"))
        row = self.list_model.row_of(keep) if keep else (0 if ids else -1)
        if row < 0 and ids:
            row = 0
        if row >= 0:
            self.list_view.selectRow(row)
            self.list_view.scrollTo(self.list_model.index(row, 0))

    def _sort(self, key: str, descending: bool) -> None:
        self.sort = (key, descending)
        self.reload_list()

    def _row_changed(self, current, _previous=None) -> None:
        cid = self.list_model.customer_id(current.row())
        if cid and cid != self.customer_id:
            self.customer_id = cid
            self.load_customer()

    def load_customer(self, conversation_id: str | None = None) -> None:
        if not self.customer_id:
            return
        self.context.tasks.submit(_load_customer, self.context.workspace, self.customer_id, conversation_id,
                                  title=self.tr("Loading profile"), owner=(self, "profile"),
                                  on_done=self._profile_ready, on_error=self._error)

    def _profile_ready(self, profile: dict) -> None:
        if profile["customer"]["id"] != self.customer_id:
            return
        self.profile = profile
        revealed = self.customer_id in self.revealed
        self.card.set_profile(profile, revealed)
        self.tags_notes.set_data(profile["tags"], profile["notes"],
                                 [self.tag_filter.itemText(i) for i in range(1, self.tag_filter.count())])
        self.closeness.set_ranking(profile["closeness"])
        self.timeline.set_operations(profile["operations"])
        self.conv_combo.blockSignals(True)
        self.conv_combo.clear()
        for c in profile["conversations"]:
            label = (self.tr("group %1").replace("%1", c["group_id"]) if c["group_id"]
                     else self.tr("with %1").replace("%1", c["staff_name"] or "?"))
            self.conv_combo.addItem(f"{label} · {c['messages']}", c["conversation_id"])
        self.conv_combo.setCurrentIndex(max(self.conv_combo.findData(profile["conversation_id"]), 0))
        self.conv_combo.blockSignals(False)
        self.conversation.show_messages(profile["messages"], revealed)

    def _conversation_chosen(self, index: int) -> None:
        self.load_customer(self.conv_combo.itemData(index))

    def open_conversation(self, conversation_id: str) -> None:
        self.load_customer(conversation_id)

    def _show_message(self, message_id: str) -> None:
        self.conversation.scrollToAnchor(message_id)

    # ------------------------------------------------------------------ edits
    def _edit(self, fn, *args, **kwargs) -> None:
        if not self.customer_id:
            return
        self.message.clear_message()
        self.context.tasks.submit(lambda *a, state=None, **k: fn(*a, **k), self.context.workspace, *args,
                                  title=self.tr("Saving profile change"), on_done=lambda _r: self._after_edit(),
                                  on_error=self._edit_failed, **kwargs)

    def _after_edit(self) -> None:
        self.list_model.invalidate({self.customer_id})
        self.load_customer(self.profile["conversation_id"] if self.profile else None)

    def _edit_failed(self, message: str) -> None:
        self._error(message)
        self.load_customer(self.profile["conversation_id"] if self.profile else None)

    def _reveal(self) -> None:
        if self.customer_id:
            self.revealed.add(self.customer_id)
            self.list_model.revealed.add(self.customer_id)
            self.list_model.invalidate({self.customer_id})
            self._edit(edits.reveal_pii, self.customer_id, by=self.context.user)

    def _toggle_pii(self, on: bool) -> None:
        self.list_model.reveal_all = on
        self.list_model.invalidate(set())

    def read_images(self) -> None:
        if self.customer_id:
            self.context.tasks.submit(service.read_images, self.context.workspace, self.customer_id,
                                      by=self.context.user, title=self.tr("Reading images"), owner=(self, "ocr"),
                                      on_done=self._images_read, on_error=self._error)

    def _images_read(self, result: dict) -> None:
        if result["errors"]:
            self.message.show_message("warning", "\n".join(result["errors"][:5]))
        else:
            self.message.show_message("info", self.tr("%1 images read, %2 new suggestions")
                                      .replace("%1", str(result["images"])).replace("%2", str(result["suggestions"])))
        self._after_edit()

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import chats or directory events"), "",
                                              self.tr("Chat files (*.jsonl *.json);;All files (*)"))
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> None:
        self.context.tasks.submit(service.import_file, self.context.workspace, path, by=self.context.user,
                                  title=self.tr("Importing %1").replace("%1", path.rsplit("/", 1)[-1]),
                                  on_done=self._imported, on_error=self._error)

    def _imported(self, counts: dict) -> None:
        errors = counts.get("errors", []) + counts.get("image_errors", [])
        text = self.tr("Imported %1 messages, %2 suggestions").replace("%1", str(counts.get("messages", 0))) \
            .replace("%2", str(counts.get("suggestions", 0)))
        self.message.show_message("warning" if errors else "info", text + ("\n" + "\n".join(errors[:5]) if errors else ""))
        self.refresh()

    def _error(self, message: str) -> None:
        self.message.show_message("warning" if "changed by" in message else "error", message)

    # ------------------------------------------------------------------ sync
    def _start_sync(self) -> None:
        if self._listener is not None or self._poll.isActive():
            return
        ws = self.context.workspace
        try:
            self.last_event = sync.latest_event(ws)
        except Exception:  # noqa: BLE001 - a missing table on an old workspace: no sync
            return
        if ws.dialect == "postgresql":
            listener = sync.ChangeListener(ws, self.remote_change.emit).start()
            if listener.error is None:
                self._listener = listener
                self.sync_label.setText(self.tr("live updates on"))
            else:
                self.message.show_message("warning", listener.error)
        self._poll.start()  # also on PostgreSQL, as a safety net (cheap: one indexed query)
        if not self._listener:
            self.sync_label.setText(self.tr("refreshing every %1 s").replace("%1", str(self.POLL_MS // 1000)))

    def _poll_changes(self) -> None:
        newest, changed = sync.changes_since(self.context.workspace, self.last_event)
        if changed:
            self.last_event = newest
            self._apply_changes(changed)

    def _on_remote_change(self, customer_id: str) -> None:
        self._poll_changes()

    def _apply_changes(self, changed: set[str]) -> None:
        self.list_model.invalidate(changed)
        if self.customer_id and ("*" in changed or self.customer_id in changed):
            self.load_customer(self.profile["conversation_id"] if self.profile else None)

    def shutdown(self) -> None:
        self._poll.stop()
        self._search_timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
