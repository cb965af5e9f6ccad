"""Fraud groups pane: parameters + Run, the suspect groups, graph and heatmap, decisions."""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QSplitter,
                               QTableView, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from engine.fraud import store
from engine.fraud.params import DEFAULT_BEHAVIOURS, Params
from widgets.fraud.models import GroupTableModel, status_text
from widgets.fraud.views import GroupGraphView, SlotHeatmapView
from widgets.pane import InlineMessage, Pane

ALL_BEHAVIOURS = ("follow", "barrage", "gift", "like", "share", "enter")
BEHAVIOUR_TEXT = [QT_TRANSLATE_NOOP("FraudPane", "follow"), QT_TRANSLATE_NOOP("FraudPane", "barrage"),
                  QT_TRANSLATE_NOOP("FraudPane", "gift"), QT_TRANSLATE_NOOP("FraudPane", "like"),
                  QT_TRANSLATE_NOOP("FraudPane", "share"), QT_TRANSLATE_NOOP("FraudPane", "enter")]
COMPONENT_TEXT = {"similarity": QT_TRANSLATE_NOOP("FraudPane", "similarity"),
                  "sync": QT_TRANSLATE_NOOP("FraudPane", "lock-step"),
                  "sharing": QT_TRANSLATE_NOOP("FraudPane", "device/IP sharing"),
                  "size": QT_TRANSLATE_NOOP("FraudPane", "size")}


class FraudPane(Pane):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._task = None
        self._run: dict | None = None
        self._group_id: int | None = None
        self._loading_logs = False
        # one owner token per kind of task: a new task of a kind cancels the older one
        self._owners = {k: object() for k in ("load", "run", "group", "decide", "export",
                                              "import")}
        self.message = InlineMessage()
        self.model = GroupTableModel(self)

        # ---- parameter panel
        self.log_combo = QComboBox()
        self.behaviour_boxes = {}
        beh = QWidget()
        beh_layout = QVBoxLayout(beh)
        beh_layout.setContentsMargins(0, 0, 0, 0)
        beh_layout.setSpacing(0)
        for b in ALL_BEHAVIOURS:
            box = QCheckBox(self.tr(b))
            box.setChecked(b in DEFAULT_BEHAVIOURS)
            self.behaviour_boxes[b] = box
            beh_layout.addWidget(box)
        d = Params()
        self.window = self._spin(10, 86400, d.window, self.tr(" s"))
        self.slot = self._spin(5, 3600, d.slot, self.tr(" s"))
        self.similarity = self._dspin(0.0, 1.0, d.similarity, 0.01)
        self.min_common = self._spin(1, 100, d.min_common_slots)
        self.min_size = self._spin(2, 10000, d.min_group_size)
        self.device_ratio = self._dspin(1.1, 100.0, d.device_ratio, 0.5)
        self.ip_ratio = self._dspin(1.1, 100.0, d.ip_ratio, 0.5)
        self.min_score = self._dspin(0.0, 100.0, d.min_score, 1.0)
        self.window.setToolTip(self.tr("Users acting on the same target within this window are "
                                       "linked as candidates"))
        self.slot.setToolTip(self.tr("Size of the time slots the behaviour vectors count in"))
        self.similarity.setToolTip(self.tr("Pairs less alike than this are pruned; lower finds "
                                           "more, higher is stricter"))
        self.min_common.setToolTip(self.tr("Pairs must have acted together in at least this "
                                           "many slots"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Load a CSV or Parquet behaviour log into the workspace"))
        self.log_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.log_combo.setMinimumContentsLength(14)
        form = QFormLayout()
        form.addRow(self.tr("Log"), self.log_combo)
        form.addRow("", self.import_button)
        form.addRow(self.tr("Behaviours"), beh)
        form.addRow(self.tr("Window"), self.window)
        form.addRow(self.tr("Slot"), self.slot)
        form.addRow(self.tr("Similarity ≥"), self.similarity)
        form.addRow(self.tr("Common slots ≥"), self.min_common)
        form.addRow(self.tr("Group size ≥"), self.min_size)
        form.addRow(self.tr("Accounts/device"), self.device_ratio)
        form.addRow(self.tr("Accounts/IP"), self.ip_ratio)
        form.addRow(self.tr("Score ≥"), self.min_score)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.defaults_button = QPushButton(self.tr("Defaults"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.defaults_button)
        params_box = QGroupBox(self.tr("Detection"))
        pl = QVBoxLayout(params_box)
        pl.addLayout(form)
        pl.addLayout(buttons)
        pl.addWidget(self.progress)
        pl.addWidget(self.status)
        pl.addStretch(1)
        params_box.setMaximumWidth(320)

        # ---- groups table
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.summary = QLabel("")

        # ---- decisions
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.review_button = QPushButton(self.tr("Needs review"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note for this group…"))
        self.note_button = QPushButton(self.tr("Save note"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        decide = QHBoxLayout()
        for w in (self.confirm_button, self.dismiss_button, self.review_button):
            decide.addWidget(w)
        decide.addWidget(self.note_edit, 1)
        decide.addWidget(self.note_button)
        decide.addWidget(self.export_button)
        self.decision_label = QLabel("")

        # ---- details
        self.graph = GroupGraphView()
        self.heatmap = SlotHeatmapView()
        self.reasons = QTextBrowser()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.graph, self.tr("Graph"))
        self.tabs.addTab(self.heatmap, self.tr("Lock-step heatmap"))
        self.tabs.addTab(self.reasons, self.tr("Explanation"))

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.summary)
        tl.addWidget(self.table, 1)
        tl.addLayout(decide)
        tl.addWidget(self.decision_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([330, 470])
        body = QHBoxLayout()
        body.addWidget(params_box)
        body.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

        self.run_button.clicked.connect(self.run_detection)
        self.cancel_button.clicked.connect(self.cancel)
        self.defaults_button.clicked.connect(self.reset_parameters)
        self.confirm_button.clicked.connect(lambda: self.decide("confirmed"))
        self.dismiss_button.clicked.connect(lambda: self.decide("dismissed"))
        self.review_button.clicked.connect(lambda: self.decide("needs_review"))
        self.note_button.clicked.connect(self.save_note)
        self.export_button.clicked.connect(self.export_csv)
        self.import_button.clicked.connect(self.choose_import)
        self.log_combo.currentIndexChanged.connect(self._on_log)
        self._update_buttons()

    # ------------------------------------------------------------ helpers
    @staticmethod
    def _spin(lo, hi, value, suffix=""):
        s = QSpinBox()
        s.setRange(lo, hi)
        s.setValue(value)
        s.setSuffix(suffix)
        return s

    @staticmethod
    def _dspin(lo, hi, value, step):
        s = QDoubleSpinBox()
        s.setRange(lo, hi)
        s.setSingleStep(step)
        s.setDecimals(2)
        s.setValue(value)
        return s

    def params(self) -> Params:
        behaviours = tuple(b for b, box in self.behaviour_boxes.items() if box.isChecked())
        return Params(behaviours=behaviours, window=self.window.value(), slot=self.slot.value(),
                      similarity=self.similarity.value(), min_common_slots=self.min_common.value(),
                      min_group_size=self.min_size.value(), device_ratio=self.device_ratio.value(),
                      ip_ratio=self.ip_ratio.value(), min_score=self.min_score.value())

    def set_params(self, p: Params) -> None:
        for b, box in self.behaviour_boxes.items():
            box.setChecked(b in p.behaviours)
        self.window.setValue(p.window)
        self.slot.setValue(p.slot)
        self.similarity.setValue(p.similarity)
        self.min_common.setValue(p.min_common_slots)
        self.min_size.setValue(p.min_group_size)
        self.device_ratio.setValue(p.device_ratio)
        self.ip_ratio.setValue(p.ip_ratio)
        self.min_score.setValue(p.min_score)

    def reset_parameters(self) -> None:
        self.set_params(Params())

    def selected_group(self) -> dict | None:
        return self.model.group(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        busy = self._task is not None
        has_log = self.log_combo.count() > 0
        self.run_button.setEnabled(has_log and not busy)
        self.cancel_button.setEnabled(busy)
        chosen = self.selected_group() is not None
        for w in (self.confirm_button, self.dismiss_button, self.review_button, self.note_button,
                  self.note_edit):
            w.setEnabled(chosen)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _error(self, message: str) -> None:
        self.message.show_message("error", message)

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        log_id = self.log_combo.currentData()
        self.context.tasks.submit(store.overview, self.context.workspace, log_id,
                                  title=self.tr("Loading fraud groups"), owner=self._owners["load"],
                                  on_done=self._on_overview, on_error=self._error)

    def _on_overview(self, data: dict) -> None:
        self._loading_logs = True
        self.log_combo.clear()
        for log in data["logs"]:
            self.log_combo.addItem(self.tr("{0} ({1} events)").format(log["name"], f"{log['events']:,}"),
                                   log["id"])
        i = self.log_combo.findData(data["log_id"])
        if i >= 0:
            self.log_combo.setCurrentIndex(i)
        self._loading_logs = False
        if not data["logs"]:
            self.message.show_message("info", self.tr(
                "No behaviour log in this workspace yet. Import one with "
                "'operator-console fraud import EVENTS.csv' or build the demo workspace."))
        else:
            self.message.clear_message()
        self.show_run(data["run"])

    def _on_log(self, _index: int) -> None:
        if not self._loading_logs:
            self.refresh()

    def show_run(self, run: dict | None) -> None:
        self._run = run
        self.graph.clear()
        self.heatmap.clear()
        self.reasons.clear()
        self.model.set_groups(run["groups"] if run else [])
        if run:
            s = run["stats"]
            text = self.tr(
                "{0} suspect groups, {1} accounts — {2} events, {3} candidate pairs, {4} kept "
                "edges").format(len(run["groups"]), s.get("flagged_accounts", 0),
                                f"{s.get('events', 0):,}", f"{s.get('candidate_pairs', 0):,}",
                                f"{s.get('kept_edges', 0):,}")
            if "seconds" in s:
                text += self.tr(", {0:.1f} s").format(s["seconds"])
            self.summary.setText(text)
            self.set_params(Params.from_dict({k: v for k, v in run["params"].items()
                                              if k in Params.__dataclass_fields__}))
            if self.model.rowCount():
                self.table.selectRow(0)
        else:
            self.summary.setText(self.tr("No detection run yet: choose parameters and press Run."))
        self._update_buttons()

    # ------------------------------------------------------------ running
    def run_detection(self) -> None:
        log_id = self.log_combo.currentData()
        if log_id is None:
            return
        try:
            params = self.params().validate()
        except Exception as exc:  # InputError: show inline, not as a crash
            self._error(str(exc))
            return
        self.message.clear_message()
        self.progress.setValue(0)
        self._task = self.context.tasks.submit(
            store.detect_log, self.context.workspace, log_id, params, user=self.context.user,
            title=self.tr("Detecting fraud groups"), owner=self._owners["run"],
            on_done=self._on_run_done, on_error=self._on_run_error,
            on_progress=self._on_progress, on_cancel=self._on_run_cancelled)
        self._update_buttons()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(text)

    def _finish_task(self) -> None:
        self._task = None
        self._update_buttons()

    def _on_run_done(self, run: dict) -> None:
        self._finish_task()
        self.progress.setValue(1000)
        self.status.setText(self.tr("Done: {0} groups").format(len(run["groups"])))
        self.show_run(run)

    def _on_run_error(self, message: str) -> None:
        self._finish_task()
        self.status.setText("")
        self._error(message)

    def _on_run_cancelled(self) -> None:
        self._finish_task()
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled; the previous results are kept."))

    # ------------------------------------------------------------ details
    def _on_row(self, current, _previous) -> None:
        g = self.model.group(current.row())
        self._update_buttons()
        if g is None:
            return
        self._group_id = g["group_id"]
        self.note_edit.setText(g.get("note", ""))
        self._show_decision(g)
        self.context.tasks.submit(store.group_view, self.context.workspace, g["group_id"],
                                  title=self.tr("Loading group"), owner=self._owners["group"],
                                  on_done=self._on_group, on_error=self._error)

    def _show_decision(self, g: dict) -> None:
        if g.get("status"):
            when = g["decided_at"].strftime("%Y-%m-%d %H:%M") if g.get("decided_at") else ""
            inherited = (g.get("match") or 1.0) < 1.0
            text = self.tr("{0} by {1} on {2}").format(status_text(g["status"]),
                                                       g.get("decided_by", ""), when)
            if inherited:
                text += self.tr(" (carried over from an earlier run, {0:.0%} same members)").format(
                    g["match"])
            self.decision_label.setText(text)
        else:
            self.decision_label.setText(self.tr("Not decided yet."))

    def _on_group(self, view: dict) -> None:
        group = view["group"]
        if group["group_id"] != self._group_id:
            return
        self.graph.set_graph(view["graph"], view["pos"])
        ev = group["evidence"]
        self.heatmap.set_heatmap(group["members"], ev.get("heatmap", []), ev.get("heat_slots", []))
        items = "".join(f"<li>{html.escape(r)}</li>" for r in group["reasons"])
        comp = ev.get("components", {})
        shared = ", ".join(f"{d} ({c})" for d, c in ev.get("shared_devices", [])[:10]) or "—"
        shared_ip = ", ".join(f"{d} ({c})" for d, c in ev.get("shared_ips", [])[:10]) or "—"
        parts = ", ".join(f"{self.tr(COMPONENT_TEXT.get(k, k))} {v:.2f}" for k, v in comp.items())
        title = self.tr("{0} · score {1:.1f}").format(group["id"], group["score"])
        h_parts, h_dev = self.tr("Score parts"), self.tr("Shared devices")
        h_ip, h_members = self.tr("Shared IPs"), self.tr("Members")
        self.reasons.setHtml(
            f"<h3>{html.escape(title)}</h3><ul>{items}</ul>"
            f"<p><b>{h_parts}</b>: {parts}</p>"
            f"<p><b>{h_dev}</b>: {html.escape(shared)}</p>"
            f"<p><b>{h_ip}</b>: {html.escape(shared_ip)}</p>"
            f"<p><b>{h_members}</b> ({len(group['members'])}): "
            + html.escape(" ".join(group["members"])) + "</p>")

    # ------------------------------------------------------------ decisions
    def decide(self, status: str | None, note: str | None = None) -> None:
        g = self.selected_group()
        if g is None:
            return
        self.context.tasks.submit(
            store.decide, self.context.workspace, g["group_id"], status=status, note=note,
            user=self.context.user, title=self.tr("Saving decision"), owner=self._owners["decide"],
            on_done=lambda d, gid=g["group_id"]: self._on_decided(gid, d), on_error=self._error)

    def save_note(self) -> None:
        self.decide(None, self.note_edit.text())

    def _on_decided(self, group_id: int, d: dict) -> None:
        self.model.update_group(group_id, status=d["status"], note=d["note"],
                                decided_by=d["decided_by"], decided_at=d["decided_at"],
                                decision_id=d["decision_id"], match=1.0)
        g = self.selected_group()
        if g is not None and g["group_id"] == group_id:
            self._show_decision(g)
        self.context.notify("info", self.tr("Decision saved: {0}").format(
            status_text(d["status"])))

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export groups"), "fraud-groups.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str):
        return self.context.tasks.submit(
            store.write_csv, self.model.groups(), path, title=self.tr("Exporting groups"),
            owner=self._owners["export"], on_error=self._error,
            on_done=lambda n: self.context.notify("info", self.tr("Exported {0} groups").format(n)))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import behaviour log"), "",
            self.tr("Behaviour logs (*.csv *.csv.gz *.tsv *.parquet)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str):
        """Import in the background; the new log is selected when done."""
        self.message.clear_message()
        self.status.setText(self.tr("Importing…"))
        return self.context.tasks.submit(
            store.import_file, self.context.workspace, path, user=self.context.user,
            replace=True, title=self.tr("Importing behaviour log"), owner=self._owners["import"],
            on_progress=self._on_progress, on_error=self._on_run_error,
            on_done=self._on_imported)

    def _on_imported(self, log: dict) -> None:
        self.status.setText(self.tr("Imported {0} events of {1} accounts").format(
            f"{log['events']:,}", f"{log['users']:,}"))
        self.progress.setValue(1000)
        self._loading_logs = True
        self.log_combo.addItem(log["name"], log["id"])
        self.log_combo.setCurrentIndex(self.log_combo.count() - 1)
        self._loading_logs = False
        self.refresh()

    def shutdown(self) -> None:
        if self._task is not None:
            self._task.cancel()
