"""The dwell-time nudges pane: funnel, dwell histogram with a draggable threshold, rules,
template editor with live preview, outbox and backtest."""
from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateTimeEdit, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from engine.nudges.events import NS
from engine.nudges.messages import RenderError, render
from engine.nudges.rules import format_duration
from widgets.nudges import tasks
from widgets.nudges.charts import DwellView, FunnelView, PerDayView
from widgets.nudges.models import BacktestModel, OutboxModel, RulesTableModel
from widgets.pane import InlineMessage, Pane


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


class NudgesPane(Pane):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.events = None
        self.overview = None
        self.at_ns: int | None = None
        self.versions: dict[str, int] = {}
        self.last_drag_ms = 0.0
        self.rules_model = RulesTableModel(self)
        self.outbox_model = OutboxModel(self)
        self.backtest_model = BacktestModel(self)
        self._build()
        self.rules_model.validation_failed.connect(
            lambda place, msg: self.message.show_message("warning", msg))
        self.rules_model.rules_changed.connect(self._rules_changed)

    # -- view -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.at_edit = QDateTimeEdit()
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.at_edit.setTimeZone(QTimeZone.utc())
        self.at_edit.setCalendarPopup(True)
        self.reload_btn = QPushButton(self.tr("Evaluate"))
        self.reload_btn.clicked.connect(self.refresh)
        self.import_btn = QPushButton(self.tr("Import rules…"))
        self.import_btn.clicked.connect(self._import_rules)
        self.export_btn = QPushButton(self.tr("Export rules…"))
        self.export_btn.clicked.connect(self._export_rules)
        self.save_btn = QPushButton(self.tr("Save rules"))
        self.save_btn.setEnabled(False)
        self.save_btn.clicked.connect(self._save_rules)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Evaluate at")))
        for w in (self.at_edit, self.reload_btn, self.import_btn, self.export_btn, self.save_btn):
            top.addWidget(w)
        top.addWidget(self.summary, 1)
        self.message = InlineMessage()

        self.funnel = FunnelView()
        self.funnel_title = QLabel(self.tr("<b>Funnel</b>: users reaching each step, conversion "
                                           "from the step before"))
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.funnel_title)
        lv.addWidget(self.funnel)
        self.node_combo = QComboBox()
        self.node_combo.currentIndexChanged.connect(self._node_chosen)
        self.dwell = DwellView()
        self.dwell.threshold_moved.connect(self._threshold_dragged)
        self.dwell.threshold_set.connect(self._threshold_released)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Dwell at step</b>")))
        head.addWidget(self.node_combo, 1)
        rv.addLayout(head)
        rv.addWidget(self.dwell)
        rv.addWidget(self.counts)
        charts = QSplitter(Qt.Horizontal)
        charts.addWidget(left)
        charts.addWidget(right)
        charts.setSizes([400, 600])

        self.tabs = QTabWidget()
        self.rules_view = _table(self.rules_model)
        self.rules_view.setEditTriggers(QAbstractItemView.DoubleClicked
                                        | QAbstractItemView.EditKeyPressed)
        self.rules_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._select_row(cur.row()))
        self.tabs.addTab(self.rules_view, self.tr("Rules"))
        self.tabs.addTab(self._build_template(), self.tr("Template"))
        self.tabs.addTab(self._build_outbox(), self.tr("Outbox"))
        self.tabs.addTab(self._build_backtest(), self.tr("Backtest"))

        split = QSplitter(Qt.Vertical)
        split.addWidget(charts)
        split.addWidget(self.tabs)
        split.setSizes([380, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def _build_template(self) -> QWidget:
        w = QWidget()
        self.tpl_node = QLabel()
        self.tpl_lang = QComboBox()
        self.tpl_lang.setEditable(True)
        self.tpl_lang.currentTextChanged.connect(self._lang_chosen)
        self.tpl_user = QComboBox()
        self.tpl_user.currentIndexChanged.connect(self._preview)
        self.tpl_edit = QPlainTextEdit()
        self.tpl_edit.textChanged.connect(self._preview)
        self.tpl_preview = QLabel()
        self.tpl_preview.setWordWrap(True)
        self.tpl_preview.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tpl_preview.setStyleSheet("padding:8px;border:1px solid palette(mid);border-radius:6px;")
        self.tpl_error = InlineMessage()
        self.tpl_apply = QPushButton(self.tr("Apply to rules"))
        self.tpl_apply.clicked.connect(self._apply_template)
        form = QFormLayout()
        form.addRow(self.tr("Step"), self.tpl_node)
        form.addRow(self.tr("Language"), self.tpl_lang)
        form.addRow(self.tr("Preview for user"), self.tpl_user)
        lay = QHBoxLayout(w)
        col = QVBoxLayout()
        col.addLayout(form)
        col.addWidget(self.tpl_edit, 1)
        col.addWidget(self.tpl_apply)
        lay.addLayout(col, 3)
        pv = QVBoxLayout()
        pv.addWidget(QLabel(self.tr("<b>Preview</b> (missing fields use the process fallbacks)")))
        pv.addWidget(self.tpl_preview)
        pv.addWidget(self.tpl_error)
        pv.addStretch(1)
        lay.addLayout(pv, 2)
        return w

    def _build_outbox(self) -> QWidget:
        w = QWidget()
        self.ob_status = QComboBox()
        for key, label in (("", self.tr("All")), ("pending", self.tr("Pending")),
                           ("sent", self.tr("Sent")), ("failed", self.tr("Failed"))):
            self.ob_status.addItem(label, key)
        self.ob_status.currentIndexChanged.connect(self._load_outbox)
        self.ob_queue = QPushButton(self.tr("Queue due nudges"))
        self.ob_queue.clicked.connect(self._queue_due)
        self.ob_sender = QLineEdit()
        self.ob_sender.setPlaceholderText(self.tr("log:FILE or http://host/webhook"))
        self.ob_deliver = QPushButton(self.tr("Deliver pending"))
        self.ob_deliver.clicked.connect(self._deliver)
        self.ob_retry = QPushButton(self.tr("Retry failed"))
        self.ob_retry.clicked.connect(self._retry_failed)
        self.ob_counts = QLabel()
        bar = QHBoxLayout()
        for x in (QLabel(self.tr("Show")), self.ob_status, self.ob_queue, self.ob_sender,
                  self.ob_deliver, self.ob_retry, self.ob_counts):
            bar.addWidget(x)
        self.outbox_view = _table(self.outbox_model)
        self.outbox_view.setSortingEnabled(True)
        v = QVBoxLayout(w)
        v.addLayout(bar)
        v.addWidget(self.outbox_view)
        return w

    def _build_backtest(self) -> QWidget:
        w = QWidget()
        self.bt_window = QLineEdit("1d")
        self.bt_window.setMaximumWidth(80)
        self.bt_run = QPushButton(self.tr("Run backtest"))
        self.bt_run.clicked.connect(self._run_backtest)
        self.bt_note = QLabel(self.tr("Replays the stored events with the thresholds above. "
                                      "Comparable = same step, same dwell reached, no nudge sent."))
        self.bt_note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Advance window")))
        bar.addWidget(self.bt_window)
        bar.addWidget(self.bt_run)
        bar.addWidget(self.bt_note, 1)
        self.bt_days = PerDayView()
        body = QSplitter(Qt.Horizontal)
        body.addWidget(_table(self.backtest_model))
        body.addWidget(self.bt_days)
        body.setSizes([700, 400])
        v = QVBoxLayout(w)
        v.addLayout(bar)
        v.addWidget(body, 1)
        return w

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        at = None
        if self.at_ns is not None:
            at = self.at_edit.dateTime().toMSecsSinceEpoch() * 1_000_000
        self.summary.setText(self.tr("Loading…"))
        self.context.tasks.submit(tasks.load_all, self.context.workspace, at,
                                  title=self.tr("Loading nudges"), owner=self,
                                  on_done=self._loaded, on_error=self._failed)

    def _failed(self, message: str) -> None:
        self.summary.setText("")
        self.message.show_message("error", message)

    def _loaded(self, result: dict) -> None:
        self.message.clear_message()
        self.events, self.overview, self.at_ns = result["events"], result["overview"], result["at"]
        self.at_edit.setDateTime(QDateTime.fromMSecsSinceEpoch(self.at_ns // 1_000_000,
                                                               QTimeZone.utc()))
        keep = self.node_combo.currentData()
        self.rules_model.set_processes(result["processes"])
        self.versions = dict(result["versions"])
        self.save_btn.setEnabled(False)
        self.node_combo.blockSignals(True)
        self.node_combo.clear()
        for r in range(self.rules_model.rowCount()):
            p, n = self.rules_model.node(r)
            self.node_combo.addItem(f"{p.name or p.id} › {n.name or n.id}", (p.id, n.id))
        self.node_combo.blockSignals(False)
        if not result["processes"]:
            self.message.show_message("info", self.tr(
                "No nudge processes in this workspace yet. Import a rules file (Import rules…) "
                "and events (operator-console nudges import-events FILE)."))
        idx = max(0, self.node_combo.findData(keep)) if keep else 0
        self.node_combo.setCurrentIndex(idx)
        self._node_chosen()
        self._show_funnel()
        self._show_outbox(result["outbox"], result["outbox_counts"])
        snap = self.overview.snapshot if self.overview else None
        self.summary.setText(self.tr("{events} events · {active} users in progress · {due} due "
                                     "now").format(events=f"{len(self.events):,}",
                                                   active=f"{len(snap) if snap else 0:,}",
                                                   due=f"{int(snap.due.sum()) if snap else 0:,}"))

    def _show_funnel(self) -> None:
        procs = self.rules_model.processes()
        if not procs or self.overview is None:
            self.funnel.set_funnel([], [], None, "")
            return
        key = self.node_combo.currentData()
        p = next((x for x in procs if key and x.id == key[0]), procs[0])
        names = [n.name or n.id for n in p.nodes]
        counts = [self.overview.nodes[(p.id, n.id)].reached
                  if (p.id, n.id) in self.overview.nodes else 0 for n in p.nodes]
        self.funnel.set_funnel(names, counts, self.overview.completed.get(p.id),
                               self.tr("Completed"))

    # -- threshold --------------------------------------------------------------------------
    def _current_row(self) -> int:
        key = self.node_combo.currentData()
        return self.rules_model.row_of(*key) if key else -1

    def _node_chosen(self, *_args) -> None:
        row = self._current_row()
        if row < 0 or self.overview is None:
            self.counts.setText("")
            return
        p, n = self.rules_model.node(row)
        stats = self.overview.nodes.get((p.id, n.id))
        if stats is None:
            return
        self._draw_dwell(stats, n.threshold)
        self._update_counts(n.threshold)
        if self.rules_view.currentIndex().row() != row:
            self.rules_view.selectRow(row)
        self._load_template_editor(row)
        self._show_funnel()

    def _draw_dwell(self, stats, threshold_s: float) -> None:
        self.dwell.set_dwell(stats.dwell_sorted, threshold_s, stats.visit_max_sorted,
                             (self.tr("users here now"), self.tr("past visits (scaled)")))

    def _select_row(self, row: int) -> None:
        if row >= 0:
            idx = self.node_combo.findData(self.rules_model.key(row))
            if idx >= 0 and idx != self.node_combo.currentIndex():
                self.node_combo.setCurrentIndex(idx)

    def update_counts_for(self, threshold_s: float) -> tuple[int, float]:
        row = self._current_row()
        p, n = self.rules_model.node(row)
        stats = self.overview.nodes[(p.id, n.id)]
        return stats.due_now(threshold_s), stats.per_day(threshold_s, self.overview.span_days)

    def _update_counts(self, threshold_s: float) -> None:
        t0 = time.perf_counter()
        row = self._current_row()
        if row < 0 or self.overview is None:
            return
        p, n = self.rules_model.node(row)
        stats = self.overview.nodes[(p.id, n.id)]
        due, per_day = self.update_counts_for(threshold_s)
        self.counts.setText(self.tr(
            "Threshold <b>{thr}</b> ({basis}): <b>{due}</b> of {active} users here would be "
            "nudged now; ≈ <b>{per_day}</b> per day over the last {days} days (before quiet "
            "hours and caps).").format(thr=format_duration(round(threshold_s)), basis=n.basis,
                                       due=f"{due:,}", active=f"{stats.active:,}",
                                       per_day=f"{per_day:,.1f}",
                                       days=f"{self.overview.span_days:.0f}"))
        self.last_drag_ms = (time.perf_counter() - t0) * 1000

    def _threshold_dragged(self, seconds: float) -> None:
        self._update_counts(seconds)

    def _threshold_released(self, seconds: float) -> None:
        row = self._current_row()
        if row >= 0:
            self.rules_model.set_threshold(row, round(seconds))

    def _rules_changed(self) -> None:
        self.save_btn.setEnabled(True)
        row = self._current_row()
        if row >= 0 and self.overview is not None:
            p, n = self.rules_model.node(row)
            stats = self.overview.nodes.get((p.id, n.id))
            if stats is not None:
                self._draw_dwell(stats, n.threshold)
                self._update_counts(n.threshold)

    # -- templates --------------------------------------------------------------------------
    def _load_template_editor(self, row: int) -> None:
        p, n = self.rules_model.node(row)
        self.tpl_node.setText(f"{p.name or p.id} › {n.name or n.id}")
        self.tpl_lang.blockSignals(True)
        self.tpl_lang.clear()
        self.tpl_lang.addItems(list(n.templates) or [p.default_language])
        self.tpl_lang.blockSignals(False)
        self.tpl_user.blockSignals(True)
        self.tpl_user.clear()
        for uid, attrs in (self.overview.samples.get((p.id, n.id), []) if self.overview else []):
            self.tpl_user.addItem(f"{uid} — {attrs.get('name', '')}", attrs)
        self.tpl_user.addItem(self.tr("(user with no details)"), {})
        self.tpl_user.blockSignals(False)
        self._lang_chosen(self.tpl_lang.currentText())

    def _lang_chosen(self, lang: str) -> None:
        row = self._current_row()
        if row < 0:
            return
        _p, n = self.rules_model.node(row)
        self.tpl_edit.blockSignals(True)
        self.tpl_edit.setPlainText(n.templates.get(lang, ""))
        self.tpl_edit.blockSignals(False)
        self._preview()

    def preview_text(self) -> str | RenderError:
        row = self._current_row()
        p = self.rules_model.node(row)[0] if row >= 0 else None
        attrs = dict(self.tpl_user.currentData() or {})
        lang = self.tpl_lang.currentText().strip()
        return render(self.tpl_edit.toPlainText(), attrs, p.fallbacks_for(lang) if p else {})

    def _preview(self, *_args) -> None:
        out = self.preview_text()
        if isinstance(out, RenderError):
            self.tpl_error.show_message("error", self.tr("Template error — this message would "
                                                         "not be sent: {error}").format(error=out))
            self.tpl_preview.setText("")
            self.tpl_apply.setEnabled(False)
        else:
            self.tpl_error.clear_message()
            self.tpl_preview.setText(out or self.tr("(empty message)"))
            self.tpl_apply.setEnabled(True)

    def _apply_template(self) -> None:
        row = self._current_row()
        lang = self.tpl_lang.currentText().strip()
        if row >= 0 and lang and not isinstance(self.preview_text(), RenderError):
            self.rules_model.set_template(row, lang, self.tpl_edit.toPlainText())

    # -- rules files and saving -------------------------------------------------------------
    def _import_rules(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import rules"), "",
                                              self.tr("Rules (*.toml *.yaml *.yml *.json)"))
        if path:
            self.context.tasks.submit(tasks.import_rules, self.context.workspace, path,
                                      self.context.user, title=self.tr("Importing rules"),
                                      owner=self, on_done=lambda _r: self.refresh(),
                                      on_error=self._failed)

    def _export_rules(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rules"), "rules.toml",
                                              self.tr("Rules (*.toml *.yaml *.yml *.json)"))
        if path:
            self.context.tasks.submit(tasks.export_rules, self.rules_model.processes(), path,
                                      title=self.tr("Exporting rules"), owner=self,
                                      on_error=self._failed)

    def _save_rules(self) -> None:
        self.context.tasks.submit(tasks.save_rules, self.context.workspace,
                                  self.rules_model.processes(), self.context.user, self.versions,
                                  title=self.tr("Saving rules"), owner=self,
                                  on_done=self._saved, on_error=self._failed)

    def _saved(self, versions: dict) -> None:
        self.versions.update(versions)
        self.rules_model.dirty = False
        self.save_btn.setEnabled(False)
        self.message.show_message("info", self.tr("Rules saved."))

    # -- outbox -----------------------------------------------------------------------------
    def _show_outbox(self, rows: list[dict], counts: dict) -> None:
        self.outbox_model.set_rows(rows)
        self.ob_counts.setText(self.tr("pending {p} · sent {s} · failed {f}").format(
            p=counts.get("pending", 0), s=counts.get("sent", 0), f=counts.get("failed", 0)))

    def _load_outbox(self, *_args) -> None:
        self.context.tasks.submit(tasks.load_outbox, self.context.workspace,
                                  self.ob_status.currentData() or None,
                                  title=self.tr("Loading outbox"), owner=self.outbox_model,
                                  on_done=lambda r: self._show_outbox(*r), on_error=self._failed)

    def _queue_due(self) -> None:
        if self.events is None or self.at_ns is None:
            return
        self.context.tasks.submit(tasks.queue_due, self.context.workspace, self.events,
                                  self.rules_model.processes(), self.at_ns,
                                  title=self.tr("Queueing due nudges"), owner=self.outbox_model,
                                  on_done=self._queued, on_error=self._failed)

    def _queued(self, result: dict) -> None:
        text = self.tr("{new} new nudges queued ({due} due; {dup} already in the outbox).").format(
            new=result["new"], due=result["due"], dup=result["due"] - result["new"])
        if result["errors"]:
            text += " " + self.tr("{n} not queued because of template errors: {first}").format(
                n=len(result["errors"]), first=result["errors"][0]["error"])
        self.message.show_message("warning" if result["errors"] else "info", text)
        self._load_outbox()

    def _deliver(self) -> None:
        spec = self.ob_sender.text().strip()
        self.context.tasks.submit(tasks.deliver, self.context.workspace, spec,
                                  title=self.tr("Delivering nudges"), owner=self.ob_deliver,
                                  on_done=self._delivered, on_error=self._failed)

    def _retry_failed(self) -> None:
        self.context.tasks.submit(tasks.retry_failed, self.context.workspace,
                                  title=self.tr("Retrying failed nudges"), owner=self.ob_retry,
                                  on_done=lambda _n: self._load_outbox(), on_error=self._failed)

    def _delivered(self, counts: dict) -> None:
        self.message.show_message("info", self.tr(
            "Delivered {sent}; failed {failed}; to retry {pending}.").format(**counts))
        self._load_outbox()

    # -- backtest ---------------------------------------------------------------------------
    def _run_backtest(self) -> None:
        if self.events is None:
            return
        self.context.tasks.submit(tasks.run_backtest, self.context.workspace, self.events,
                                  self.rules_model.processes(), self.bt_window.text(),
                                  title=self.tr("Backtest"), owner=self.backtest_model,
                                  on_done=self._backtest_done, on_error=self._failed)

    def _backtest_done(self, result: dict) -> None:
        self.backtest_model.set_rows(result["rows"])
        self.bt_days.set_series(result["days"], {k.split(".", 1)[1]: v
                                                 for k, v in result["per_day"].items()})

    def shutdown(self) -> None:
        self.dwell.line.sigPositionChanged.disconnect()
