"""Default avatars pane: users → portrait and candidates, group preview, staff actions, library."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from engine.progress import NO_STATE, TaskState
from widgets.avatars.library_view import LibraryView
from widgets.avatars.models import RowsTableModel, pixmap_from_png
from widgets.pane import InlineMessage, Pane


def load_users(workspace, state: TaskState = NO_STATE) -> dict:
    from engine.avatars import store
    from engine.avatars.manage import list_users

    with workspace.session() as s:
        settings = store.load_settings(s)
    return {"users": list_users(workspace, state=state), "settings": settings}


def load_detail(workspace, user_id: str, state: TaskState = NO_STATE) -> dict:
    from engine.avatars.manage import user_detail

    return user_detail(workspace, user_id, state=state)


def load_group(workspace, key: tuple, state: TaskState = NO_STATE) -> dict:
    """``("group", group_id)`` or ``("contacts", staff_id, user_id)``."""
    from engine.avatars.manage import contacts_preview, group_preview

    if key[0] == "contacts":
        return contacts_preview(workspace, key[1], key[2], state=state)
    return group_preview(workspace, key[1], state=state)


def _table(model, icon: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    if icon:
        view.setIconSize(QSize(icon, icon))
        view.verticalHeader().setDefaultSectionSize(icon + 6)
    return view


class AvatarsPane(Pane):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self._owners = {k: object() for k in ("users", "detail", "group", "action")}
        self._all_users: list[dict] = []
        self._detail: dict | None = None
        self._pending_user: str | None = None
        self.message = InlineMessage()

        # -- header: batch action and personalisation settings --------------------------------
        self.assign_button = QPushButton(self.tr("Assign missing avatars"))
        self.assign_button.setToolTip(self.tr("Give every user without an avatar a default one; "
                                              "existing valid avatars are kept"))
        self.mark = QComboBox()
        for key, text in (("initial", self.tr("Initial")), ("badge", self.tr("Badge")),
                          ("none", self.tr("No mark"))):
            self.mark.addItem(text, key)
        self.shape = QComboBox()
        for key, text in (("circle", self.tr("Circle")), ("rounded", self.tr("Rounded")),
                          ("square", self.tr("Square"))):
            self.shape.addItem(text, key)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 60.0)
        self.threshold.setDecimals(1)
        self.threshold.setSuffix(" ΔE")
        self.threshold.setToolTip(self.tr("Minimum perceptual distance between the avatars of "
                                          "people who appear together"))
        self.apply_settings = QPushButton(self.tr("Apply settings"))
        header = QHBoxLayout()
        header.addWidget(self.assign_button)
        header.addSpacing(16)
        for label, w in ((self.tr("Mark"), self.mark), (self.tr("Shape"), self.shape),
                         (self.tr("Confusable below"), self.threshold)):
            header.addWidget(QLabel(label))
            header.addWidget(w)
        header.addWidget(self.apply_settings)
        header.addStretch(1)

        # -- users list -----------------------------------------------------------------------
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by id, nickname, picture or status…"))
        self.filter.setClearButtonEnabled(True)
        self.users_model = RowsTableModel([(self.tr("User"), "user_id"),
                                           (self.tr("Nickname"), "nickname"),
                                           (self.tr("Picture"), "picture_id"),
                                           (self.tr("Status"), "status"),
                                           (self.tr("Locked"), "locked")], self)
        self.users_view = _table(self.users_model)
        self.users_view.setSortingEnabled(True)
        self.users_view.setWordWrap(False)
        self.users_view.verticalHeader().setDefaultSectionSize(24)
        for col, width in enumerate((72, 86, 150, 60)):
            self.users_view.setColumnWidth(col, width)
        self.users_count = QLabel()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.filter)
        lv.addWidget(self.users_view, 1)
        lv.addWidget(self.users_count)

        # -- selected user --------------------------------------------------------------------
        self.current = QLabel()
        self.current.setFixedSize(128, 128)
        self.current.setAlignment(Qt.AlignCenter)
        self.current_info = QLabel(self.tr("Pick a user on the left."))
        self.current_info.setWordWrap(True)
        self.current_info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.regen_button = QPushButton(self.tr("Regenerate"))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.override_button = QPushButton(self.tr("Use selected candidate"))
        for b in (self.regen_button, self.lock_button, self.override_button):
            b.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.current)
        info = QVBoxLayout()
        info.addWidget(self.current_info, 1)
        buttons = QHBoxLayout()
        for b in (self.regen_button, self.lock_button, self.override_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        info.addLayout(buttons)
        top.addLayout(info, 1)
        self.tags_model = RowsTableModel([(self.tr("Tag"), "tag"), (self.tr("Weight"), "weight"),
                                          (self.tr("Derived from"), "source")], self)
        self.tags_view = _table(self.tags_model)
        self.cands_model = RowsTableModel([(self.tr("Picture"), "title"),
                                           (self.tr("Score"), "score"),
                                           (self.tr("Why it matches"), "why")], self)
        self.cands_view = _table(self.cands_model, icon=40)
        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Avatar"))
        box.setLayout(top)
        mv.addWidget(box)
        tags_box = QGroupBox(self.tr("Portrait tags"))
        QVBoxLayout(tags_box).addWidget(self.tags_view)
        mv.addWidget(tags_box, 2)
        cand_box = QGroupBox(self.tr("Top candidate pictures"))
        QVBoxLayout(cand_box).addWidget(self.cands_view)
        mv.addWidget(cand_box, 3)

        # -- group chat preview ---------------------------------------------------------------
        self.groups = QComboBox()
        self.group_summary = QLabel()
        self.group_summary.setWordWrap(True)
        self.members_model = RowsTableModel([(self.tr("Member"), "nickname")], self)
        self.members_view = QListView()
        self.members_view.setModel(self.members_model)
        self.members_view.setIconSize(QSize(40, 40))
        self.members_view.setSpacing(2)
        right = QGroupBox(self.tr("Chat list preview"))
        rv = QVBoxLayout(right)
        rv.addWidget(self.groups)
        rv.addWidget(self.group_summary)
        rv.addWidget(self.members_view, 1)

        users_tab = QSplitter()
        for w in (left, middle, right):
            users_tab.addWidget(w)
        users_tab.setStretchFactor(0, 3)
        users_tab.setStretchFactor(1, 4)
        users_tab.setStretchFactor(2, 2)
        users_tab.setSizes([380, 520, 280])

        self.library = LibraryView(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(users_tab, self.tr("Users"))
        self.tabs.addTab(self.library, self.tr("Picture library"))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.filter.textChanged.connect(self._apply_filter)
        self.users_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._select_row(cur.row()))
        self.groups.currentIndexChanged.connect(self._load_group)
        self.regen_button.clicked.connect(self.regenerate)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.override_button.clicked.connect(self.use_candidate)
        self.assign_button.clicked.connect(self.assign_all)
        self.apply_settings.clicked.connect(self.save_settings)
        self.library.changed.connect(self.refresh_users)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._library_loaded = False

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_users()

    def refresh_users(self) -> None:
        self.context.tasks.submit(load_users, self.context.workspace, owner=self._owners["users"],
                                  title=self.tr("Loading avatar users"),
                                  on_done=self._users_loaded, on_error=self._error)

    def _users_loaded(self, data: dict) -> None:
        self._all_users = data["users"]
        s = data["settings"]
        self.mark.setCurrentIndex(max(0, self.mark.findData(s["mark"])))
        self.shape.setCurrentIndex(max(0, self.shape.findData(s["shape"])))
        self.threshold.setValue(float(s["threshold"]))
        keep = self._detail["user"]["user_id"] if self._detail else self._pending_user
        self._apply_filter()
        if not self._all_users:
            self.message.show_message("info", self.tr(
                "No users without an avatar in this workspace. Build the demo (File menu) or "
                "import customers, then assign avatars."))
            return
        self.select_user(keep or self.users_model.row(0)["user_id"])

    def _apply_filter(self, *_args) -> None:
        text = self.filter.text().strip().lower()
        rows = self._all_users if not text else [
            r for r in self._all_users
            if text in r["user_id"].lower() or text in r["nickname"].lower()
            or text in r["picture_id"].lower() or text == r["status"]]
        self.users_model.set_rows(rows)
        self.users_count.setText(self.tr("{0} of {1} users without an avatar").format(
            len(rows), len(self._all_users)))

    def select_user(self, user_id: str) -> None:
        for r, row in enumerate(self.users_model.rows()):
            if row["user_id"] == user_id:
                self.users_view.selectRow(r)
                if self.users_view.currentIndex().row() != r:
                    self.users_view.setCurrentIndex(self.users_model.index(r, 0))
                self._select_row(r)
                return
        self._pending_user = user_id

    def _select_row(self, r: int) -> None:
        if not 0 <= r < self.users_model.rowCount():
            return
        uid = self.users_model.row(r)["user_id"]
        if self._detail and self._detail["user"]["user_id"] == uid and self._pending_user is None:
            return
        self._pending_user = uid
        self.context.tasks.submit(load_detail, self.context.workspace, uid,
                                  owner=self._owners["detail"], title=self.tr("Loading portrait"),
                                  on_done=self._detail_loaded, on_error=self._error)

    def _detail_loaded(self, d: dict) -> None:
        self._detail = d
        self._pending_user = None
        a = d["assignment"]
        self.current.setPixmap(pixmap_from_png(d["current_png"]).scaled(
            128, 128, Qt.KeepAspectRatio, Qt.SmoothTransformation) if d["current_png"] else
            pixmap_from_png(None))
        nick = d["user"].get("nickname") or d["user"]["user_id"]
        if a is None:
            text = self.tr("<b>{0}</b> ({1}) has no default avatar yet.").format(
                nick, d["user"]["user_id"])
        else:
            dist = self.tr("no co-occurring avatars") if a["min_distance"] is None else \
                self.tr("closest co-occurring avatar at {0:.1f} ΔE (threshold {1:.0f})").format(
                    a["min_distance"], d["threshold"])
            text = self.tr("<b>{0}</b> ({1}) · {2} · {3}{4}<br>{5}<br><small>{6}</small>").format(
                nick, d["user"]["user_id"], a["picture_id"], a["status"],
                self.tr(" · locked") if a["locked"] else "", dist,
                "<br>".join(a["reasons"]))
        if d["unmatched"]:
            text += "<br><small>" + self.tr("Interests without a matching theme: {0}").format(
                ", ".join(d["unmatched"])) + "</small>"
        self.current_info.setText(text)
        self.lock_button.setText(self.tr("Unlock") if a and a["locked"] else self.tr("Lock"))
        self.regen_button.setEnabled(True)
        self.lock_button.setEnabled(a is not None)
        self.override_button.setEnabled(True)
        self.tags_model.set_rows([{"tag": t, "weight": w, "source": src} for t, w, src in d["tags"]])
        self.tags_view.resizeColumnsToContents()
        self.cands_model.set_rows([{**c, "why": ", ".join(r.split(" ", 1)[0] for r in c["reasons"])}
                                   for c in d["candidates"]])
        self.cands_model.tooltips = {i: "\n".join(c["reasons"])
                                     for i, c in enumerate(d["candidates"])}
        self.cands_view.resizeColumnToContents(0)
        self.groups.blockSignals(True)
        self.groups.clear()
        for gid, name in d["groups"]:
            self.groups.addItem(self.tr("Group: {0}").format(name), ("group", gid))
        uid = d["user"]["user_id"]
        for sid, name in d["contacts"]:
            self.groups.addItem(self.tr("Contacts of {0}").format(name), ("contacts", sid, uid))
        self.groups.blockSignals(False)
        if self.groups.count():
            self._load_group()
        else:
            self.members_model.set_rows([])
            self.group_summary.setText(self.tr("This user is in no group chat or contact list."))

    def _load_group(self, *_args) -> None:
        key = self.groups.currentData()
        if not key:
            return
        self.context.tasks.submit(load_group, self.context.workspace, tuple(key),
                                  owner=self._owners["group"], title=self.tr("Rendering group"),
                                  on_done=self._group_loaded, on_error=self._error)

    def _group_loaded(self, g: dict) -> None:
        rows = []
        for m in g["members"]:
            label = m["nickname"]
            if m["kind"] == "staff":
                label += self.tr("  (staff)")
            elif m["own_avatar"]:
                label += self.tr("  (own photo)")
            rows.append({"nickname": label, "png": m["png"], "user_id": m["user_id"]})
        self.members_model.set_rows(rows)
        tips: dict[int, list[str]] = {}
        for a, b, d in g["confusable"]:
            self.members_model.highlight.update({a, b})
            tips.setdefault(a, []).append(self.tr("confusable with {0} ({1:.1f} ΔE)").format(
                g["members"][b]["nickname"], d))
            tips.setdefault(b, []).append(self.tr("confusable with {0} ({1:.1f} ΔE)").format(
                g["members"][a]["nickname"], d))
        self.members_model.tooltips = {k: "\n".join(v) for k, v in tips.items()}
        n_default = sum(1 for m in g["members"] if m["picture_id"])
        rows_note = "" if g.get("total") is None else self.tr(
            "Rows {0}–{1} of {2}, kept apart within {3} rows. ").format(
            g["first_row"] + 1, g["first_row"] + len(g["members"]), g["total"], g["window"] or "∞")
        if g["confusable"]:
            self.group_summary.setText(rows_note + self.tr(
                "<span style='color:#c0392b'><b>{0} confusable pair(s)</b></span> among {1} "
                "default avatars (threshold {2:.0f} ΔE).").format(
                len(g["confusable"]), n_default, g["threshold"]))
        else:
            md = "—" if g["min_distance"] is None else f"{g['min_distance']:.1f}"
            self.group_summary.setText(rows_note + self.tr(
                "{0} members, {1} default avatars, none confusable: closest pair {2} ΔE "
                "(threshold {3:.0f}).").format(len(g["members"]), n_default, md, g["threshold"]))
        self.members_view.viewport().update()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and not self._library_loaded:
            self._library_loaded = True
            self.library.refresh()

    # -- actions ----------------------------------------------------------------------------
    def _user_id(self) -> str | None:
        return self._detail["user"]["user_id"] if self._detail else None

    def _run(self, fn, title: str, done_text) -> None:
        """Run a staff action; ``done_text`` is a message or a function of the result."""
        uid = self._user_id()
        self.context.tasks.submit(
            fn, owner=self._owners["action"], title=title, on_error=self._error,
            on_done=lambda r: self._after_action(uid, done_text(r) if callable(done_text)
                                                 else done_text))

    def _after_action(self, uid: str | None, text: str) -> None:
        self.message.show_message("info", text)
        self._detail = None
        self._pending_user = uid
        self.refresh_users()

    def regenerate(self) -> None:
        from engine.avatars import flow

        ws, uid, by = self.context.workspace, self._user_id(), self.context.user
        if uid:
            self._run(lambda state: flow.regenerate(ws, [uid], by=by, state=state),
                      self.tr("Regenerating avatar"),
                      lambda counts: (self.tr("The avatar of {0} is locked; unlock it to "
                                              "regenerate.") if counts.get("locked")
                                      else self.tr("New avatar for {0}.")).format(uid))

    def toggle_lock(self) -> None:
        from engine.avatars import flow

        if not self._detail or not self._detail["assignment"]:
            return
        ws, uid, by = self.context.workspace, self._user_id(), self.context.user
        lock = not self._detail["assignment"]["locked"]
        self._run(lambda state: flow.set_locked(ws, uid, lock, by=by), self.tr("Locking avatar"),
                  (self.tr("Avatar of {0} locked.") if lock else
                   self.tr("Avatar of {0} unlocked.")).format(uid))

    def use_candidate(self) -> None:
        from engine.avatars import flow

        idx = self.cands_view.currentIndex()
        if not idx.isValid() or not self._detail:
            self.message.show_message("warning", self.tr(
                "Select a candidate picture first, then press “Use selected candidate”."))
            return
        c = self.cands_model.row(idx.row())
        ws, uid, by = self.context.workspace, self._user_id(), self.context.user
        self._run(lambda state: flow.override(ws, uid, c["picture_id"], c["background"], by=by),
                  self.tr("Overriding avatar"),
                  self.tr("{0} now shows {1} (locked).").format(uid, c["picture_id"]))

    def assign_all(self) -> None:
        from engine.avatars import flow

        ws = self.context.workspace
        self.context.tasks.submit(
            lambda state: flow.assign_all(ws, state=state), owner=self._owners["action"],
            title=self.tr("Assigning avatars"), on_error=self._error,
            on_done=lambda c: self._after_action(self._user_id(), self.tr(
                "{0} assigned, {1} kept, {2} changed, {3} locked.").format(
                c["assigned"], c["kept"], c["changed"], c["locked"])))

    def save_settings(self) -> None:
        from engine.avatars import store

        ws = self.context.workspace
        values = {"mark": self.mark.currentData(), "shape": self.shape.currentData(),
                  "threshold": self.threshold.value()}

        def save(state: TaskState = NO_STATE) -> dict:
            with ws.session() as s:
                return store.save_settings(s, {**store.load_settings(s), **values})

        self.context.tasks.submit(save, owner=self._owners["action"], title=self.tr("Saving settings"),
                                  on_error=self._error,
                                  on_done=lambda _v: self._after_action(self._user_id(), self.tr(
                                      "Settings saved; new assignments use them.")))

    def _error(self, message: str) -> None:
        self.message.show_message("error", message)

    def shutdown(self) -> None:
        owners = list(self._owners.values()) + [self.library._owner, self.library._edit_owner]
        for task in self.context.tasks.running():
            if any(task.owner is owner for owner in owners):
                task.cancel()
