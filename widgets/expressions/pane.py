"""Expressions pane: live preview with face mesh, blendshape bars, timeline, capture and push."""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from engine.errors import OperatorError
from engine.expressions.classifier import CLASSES
from widgets.expressions.jobs import analyse_capture, load_pane_state, record_push
from widgets.expressions.models import PushesModel
from widgets.expressions.plots import CLASS_COLOURS, FeatureBarsView, TimelineView, class_name
from widgets.expressions.preview import PreviewWorker
from widgets.pane import InlineMessage, Pane

SOURCES = ("demo", "camera", "video", "images")


class ExpressionsPane(Pane):
    PLOT_HZ = 12  # live bars and timeline redraw rate (the preview shows every frame)

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.model_path = (context.options or {}).get("model_path")
        self.worker: PreviewWorker | None = None
        self._demo_video: str | None = None
        self._last_payload: dict | None = None
        self._fps = 0.0
        self._last_frame_t = 0.0
        self._infer_ms = 0.0
        self.frames_shown = 0

        self.message = InlineMessage()
        self.download_button = QPushButton(self.tr("Download face model (3.7 MB)"))
        self.download_button.setToolTip(self.tr("From MediaPipe's official model URL; the "
                                                "checksum is verified before it is used"))
        self.download_button.hide()
        self.download_button.clicked.connect(self.download_model)

        # -- source bar
        self.source = QComboBox()
        for key, text in zip(SOURCES, (self.tr("Demo video"), self.tr("Webcam"),
                                       self.tr("Video file"), self.tr("Images"))):
            self.source.addItem(text, key)
        self.camera_index = QSpinBox()
        self.camera_index.setRange(0, 9)
        self.camera_index.setPrefix(self.tr("index "))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("video file, or images separated by ;"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self.browse_files)
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setMinimumWidth(170)
        self.user.setToolTip(self.tr("Customer id whose history decides the content"))
        self.start_button = QPushButton(self.tr("Start preview"))
        self.start_button.clicked.connect(self.toggle_preview)
        self.n_frames = QSpinBox()
        self.n_frames.setRange(3, 300)
        self.n_frames.setValue(30)
        self.capture_button = QPushButton(self.tr("Capture N frames"))
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.capture)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.user.activated.connect(self._user_changed)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Source:")))
        bar.addWidget(self.source)
        bar.addWidget(self.camera_index)
        bar.addWidget(self.path, 1)
        bar.addWidget(self.browse)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("User:")))
        bar.addWidget(self.user)
        bar.addWidget(self.start_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("N =")))
        bar.addWidget(self.n_frames)
        bar.addWidget(self.capture_button)

        # -- preview
        self.preview = QLabel(self.tr("No preview yet: choose a source and press Start preview."))
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.preview.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.preview.setStyleSheet("background:#202225;color:#c8c8c8;border-radius:4px;")
        self.preview_status = QLabel()
        self._pixmap: QPixmap | None = None
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.preview, 1)
        lv.addWidget(self.preview_status)

        # -- bars, timeline, result
        self.bars = FeatureBarsView()
        self.timeline = TimelineView()
        bars_box = QGroupBox(self.tr("Live blendshapes"))
        QVBoxLayout(bars_box).addWidget(self.bars)
        timeline_box = QGroupBox(self.tr("Expression timeline"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        self.result_expression = QLabel("—")
        big = QFont(self.result_expression.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.result_expression.setFont(big)
        self.result_label = QLabel("—")
        self.result_track = QLabel("—")
        self.result_track.setWordWrap(True)
        self.result_reason = QLabel("")
        self.result_reason.setWordWrap(True)
        self.result_reason.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.result_frames = QLabel("")
        self.push_button = QPushButton(self.tr("Push to user"))
        self.push_button.setEnabled(False)
        self.push_button.clicked.connect(self.push)
        result_box = QGroupBox(self.tr("Capture result"))
        form = QFormLayout(result_box)
        form.addRow(self.tr("Expression:"), self.result_expression)
        form.addRow(self.tr("Frames:"), self.result_frames)
        form.addRow(self.tr("Behaviour label:"), self.result_label)
        form.addRow(self.tr("Would push:"), self.result_track)
        form.addRow(self.tr("Why:"), self.result_reason)
        form.addRow("", self.push_button)

        right = QSplitter(Qt.Vertical)
        top_right = QSplitter(Qt.Horizontal)
        top_right.addWidget(bars_box)
        top_right.addWidget(result_box)
        top_right.setSizes([300, 420])
        right.addWidget(top_right)
        right.addWidget(timeline_box)
        right.setSizes([330, 220])

        upper = QSplitter(Qt.Horizontal)
        upper.addWidget(left)
        upper.addWidget(right)
        upper.setSizes([520, 640])

        # -- recent pushes
        self.pushes = PushesModel(self)
        self.table = QTableView()
        self.table.setModel(self.pushes)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        pushes_box = QGroupBox(self.tr("Recent pushes"))
        QVBoxLayout(pushes_box).addWidget(self.table)

        main = QSplitter(Qt.Vertical)
        main.addWidget(upper)
        main.addWidget(pushes_box)
        main.setSizes([560, 180])

        msg_row = QHBoxLayout()
        msg_row.addWidget(self.message, 1)
        msg_row.addWidget(self.download_button)
        layout = QVBoxLayout(self)
        layout.addLayout(msg_row)
        layout.addLayout(bar)
        layout.addWidget(main, 1)
        self._source_changed()

        self._pending_feats = None
        self._plot_timer = QTimer(self)
        self._plot_timer.setSingleShot(True)
        self._plot_timer.setInterval(int(1000 / self.PLOT_HZ))
        self._plot_timer.timeout.connect(self._redraw_plots)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(500)
        self._status_timer.timeout.connect(self._update_status)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.message.clear_message()
        self.context.tasks.submit(load_pane_state, self.context.workspace, self.model_path,
                                  self.current_user(), title=self.tr("Loading expressions"),
                                  owner=self, on_done=self._loaded, on_error=self._error)

    def _loaded(self, data: dict) -> None:
        current = self.current_user()
        self.user.blockSignals(True)
        self.user.clear()
        for uid, nick in data["users"]:
            self.user.addItem(f"{uid}  {nick}".strip(), uid)
        if current:
            i = self.user.findData(current)
            if i >= 0:
                self.user.setCurrentIndex(i)
            else:
                self.user.setEditText(current)
        self.user.blockSignals(False)
        self.pushes.set_rows(data["pushes"])
        for col in range(self.pushes.columnCount()):
            if col != 5:
                self.table.resizeColumnToContents(col)
        self._demo_video = data.get("demo_video")
        if data["model_error"]:
            self.message.show_message("warning", data["model_error"])
            self.download_button.show()
        else:
            self.download_button.hide()
        dry = data.get("dry_run")
        if self._last_payload is not None:
            return  # keep showing the user's own capture, not the demo dry run
        if dry:
            self._show_still(dry["still"])
            self.bars.set_values(dry["still_features"])
            self.preview_status.setText(self.tr("Demo video, peak frame {0} (press Start preview "
                                                "for the live view)").format(dry["still_frame"]))
            self._show_result(dry, recorded=False)
        elif data.get("last"):
            last = data["last"]
            tl = np.asarray(last["timeline"], float)
            self.timeline.set_series(range(len(tl)), tl)
            self.timeline.mark(*last["peak"])
            self._show_summary(last["expression"], last["confidence"], last["frames"],
                               last["face_frames"], last["label"], last["track_text"],
                               last["explanation"])

    def _error(self, message: str) -> None:
        self.message.show_message("error", message)

    # -- sources ----------------------------------------------------------------------------
    def _source_changed(self) -> None:
        key = self.source.currentData()
        self.camera_index.setVisible(key == "camera")
        self.path.setVisible(key in ("video", "images"))
        self.browse.setVisible(key in ("video", "images"))

    def browse_files(self) -> None:
        if self.source.currentData() == "video":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a video"), "",
                                                  self.tr("Videos (*.avi *.mp4 *.mov *.mkv *.webm)"))
            if path:
                self.path.setText(path)
        else:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose images"), "",
                                                    self.tr("Images (*.jpg *.jpeg *.png *.bmp *.webp)"))
            if paths:
                self.path.setText(";".join(paths))

    def source_spec(self):
        key = self.source.currentData()
        if key == "camera":
            return int(self.camera_index.value())
        if key == "demo":
            if not self._demo_video:
                raise OperatorError(self.tr("The demo video is not available (sample photos "
                                            "missing); choose a video file or images."))
            return self._demo_video
        text = self.path.text().strip()
        if not text:
            raise OperatorError(self.tr("Choose a file first (Browse…)."))
        if key == "images":
            return [p.strip() for p in text.split(";") if p.strip()]
        return text

    def current_user(self) -> str | None:
        data = self.user.currentData()
        if data and self.user.currentText().startswith(str(data)):
            return str(data)
        text = self.user.currentText().strip()
        return text.split()[0] if text else None

    # -- preview ----------------------------------------------------------------------------
    def toggle_preview(self) -> None:
        if self.worker is not None:
            self.stop_preview()
        else:
            self.start_preview()

    def start_preview(self) -> bool:
        self.stop_preview()
        try:
            spec = self.source_spec()
        except OperatorError as exc:
            self.message.show_message("warning", str(exc))
            return False
        self.message.clear_message()
        self.timeline.clear_data()
        from engine.expressions.service import user_baseline

        ws, user = self.context.workspace, self.current_user()
        # live scores use the user's neutral baseline, read on the worker thread
        self.worker = PreviewWorker(spec, self.model_path, parent=self,
                                    baseline_loader=lambda: user_baseline(ws, user))
        self.worker.frame_ready.connect(self._on_frame)
        self.worker.captured.connect(self._on_captured)
        self.worker.failed.connect(self._on_preview_failed)
        self.worker.finished.connect(self._on_worker_finished)
        self._fps, self._last_frame_t = 0.0, 0.0
        self.worker.display_size = (self.preview.width(), self.preview.height())
        self.worker.start()
        self.start_button.setText(self.tr("Stop preview"))
        self._status_timer.start()
        return True

    def stop_preview(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            for sig in (worker.frame_ready, worker.captured, worker.failed, worker.finished):
                sig.disconnect()
            worker.stop()
            worker.deleteLater()
        self._status_timer.stop()
        self._plot_timer.stop()
        self.start_button.setText(self.tr("Start preview"))
        self.capture_button.setEnabled(True)

    def _on_worker_finished(self) -> None:
        if self.worker is not None and self.worker.isFinished():
            self.stop_preview()

    def _on_preview_failed(self, message: str) -> None:
        self.stop_preview()
        self.message.show_message("error", message)
        self.preview_status.setText(self.tr("Preview stopped. Files still work: choose Video file "
                                            "or Images."))

    def _on_frame(self, image: QImage, feats, scores, frame_no: int, ms: float) -> None:
        if self.worker is not None:
            self.worker.frame_shown()
        now = time.monotonic()
        if self._last_frame_t:
            dt = now - self._last_frame_t
            inst = 1.0 / dt if dt > 0 else 0.0
            self._fps = inst if self._fps == 0 else 0.9 * self._fps + 0.1 * inst
        self._last_frame_t = now
        self.frames_shown += 1
        self._show_still(image)
        if feats is None:  # the model had no time for this frame: picture only
            return
        self._infer_ms = ms if self._infer_ms == 0 else 0.9 * self._infer_ms + 0.1 * ms
        # plots are redrawn at most PLOT_HZ times a second; the preview itself every frame
        self._pending_feats = feats
        self.timeline.append(frame_no, np.nan_to_num(scores, nan=-1.0), redraw=False)
        if not self._plot_timer.isActive():
            self._plot_timer.start()

    def _redraw_plots(self) -> None:
        if self._pending_feats is not None:
            self.bars.set_values(self._pending_feats)
            self._pending_feats = None
        self.timeline.redraw()

    def _update_status(self) -> None:
        if self.worker is None:
            return
        w = self.worker
        share = w.frames_classified / w.frames_read if w.frames_read else 0.0
        self.preview_status.setText(self.tr("Preview {0:.1f} fps · face model {1:.0f} ms/frame, "
                                            "{2:.0%} of frames classified · {3} dropped").format(
            self._fps, self._infer_ms, share, w.dropped))

    def preview_fps(self) -> float:
        return self._fps

    def _show_still(self, image) -> None:
        if isinstance(image, np.ndarray):
            rgb = np.ascontiguousarray(image)
            h, w = rgb.shape[:2]
            image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
        self._pixmap = QPixmap.fromImage(image)
        self._rescale()

    def _rescale(self) -> None:
        if self.worker is not None:
            self.worker.display_size = (self.preview.width(), self.preview.height())
        if self._pixmap is not None:
            size = self._pixmap.size()
            if (abs(size.width() - self.preview.width()) <= 2
                    or abs(size.height() - self.preview.height()) <= 2):
                self.preview.setPixmap(self._pixmap)  # already fitted by the worker
                return
            self.preview.setPixmap(self._pixmap.scaled(self.preview.size(), Qt.KeepAspectRatio,
                                                       Qt.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rescale()

    # -- capture and push --------------------------------------------------------------------
    def capture(self) -> None:
        if not self.current_user():
            self.message.show_message("warning", self.tr("Choose the user the capture is for."))
            return
        if self.worker is None and not self.start_preview():
            return
        self.capture_button.setEnabled(False)
        self.result_frames.setText(self.tr("capturing {0} frames…").format(self.n_frames.value()))
        self.worker.request_capture(self.n_frames.value())

    def _user_changed(self, _index: int) -> None:
        """Another user: the same captured frames, decided with that user's history."""
        if self._last_payload is not None and self.current_user():
            self._on_captured(self._last_payload)

    def _on_captured(self, payload: dict) -> None:
        self.capture_button.setEnabled(True)
        self._last_payload = payload
        self.context.tasks.submit(analyse_capture, self.context.workspace, self.current_user(),
                                  payload, title=self.tr("Classifying capture"), owner=self,
                                  on_done=lambda r: self._show_result(r, recorded=False),
                                  on_error=self._error)

    def push(self) -> None:
        if self._last_payload is None or not self.current_user():
            return
        self.push_button.setEnabled(False)
        self.context.tasks.submit(record_push, self.context.workspace, self.current_user(),
                                  self._last_payload, title=self.tr("Pushing content"),
                                  owner=self, on_done=self._pushed, on_error=self._error)

    def _pushed(self, data: dict) -> None:
        self.pushes.set_rows(data["pushes"])
        self._show_result(data["result"], recorded=True)
        self.context.notify("info", self.tr("Pushed “{0}” to {1}").format(
            (data["result"].get("track") or {}).get("title", "—"), data["result"]["user"]))

    def _show_result(self, result: dict, *, recorded: bool) -> None:
        track = result.get("track")
        track_text = (f"{track['title']} — {track['artist']}  [{track['genre']}, {track['mood']}]"
                      if track else self.tr("nothing suitable in the catalogue"))
        self._show_summary(result["expression"], result["confidence"], result["frames"],
                           result["face_frames"], result["label"], track_text, result["reason"])
        numbers = result.get("frame_numbers")
        if numbers is not None and not recorded:
            tl = np.nan_to_num(np.asarray(result["timeline"], float), nan=-1.0)
            if self.worker is None:
                self.timeline.set_series(numbers, tl)
            start, end = result["peak"]
            if end > start and end - 1 < len(numbers):
                self.timeline.mark(numbers[start], numbers[end - 1] + 1)
        if "features" in result and result["features"] is not None and len(result["features"]):
            start, end = result["peak"]
            column = CLASSES.index(result["expression"])
            strongest = np.nan_to_num(np.asarray(result["timeline"], float)[start:end, column],
                                      nan=-1.0)
            peak = start + int(np.argmax(strongest)) if end > start else 0
            peak = min(peak, len(result["features"]) - 1)
            self.bars.set_values(result["features"][peak])
        self.push_button.setEnabled(not recorded and track is not None
                                    and self._last_payload is not None)
        if recorded:
            self.push_button.setText(self.tr("Pushed"))
        else:
            self.push_button.setText(self.tr("Push to user"))

    def _show_summary(self, expression, confidence, frames, face_frames, label, track_text,
                      reason) -> None:
        colour = CLASS_COLOURS.get(expression, "#888")
        self.result_expression.setText(f"<span style='color:{colour}'>■</span> "
                                       f"{class_name(expression)}  {confidence:.0%}")
        self.result_frames.setText(self.tr("{0} of {1} frames had a face").format(face_frames,
                                                                                   frames))
        self.result_label.setText(f"<b>{label}</b>")
        self.result_track.setText(track_text or "—")
        self.result_reason.setText(reason)

    # -- model ------------------------------------------------------------------------------
    def download_model(self) -> None:
        from engine.expressions.modelfile import download_model

        self.download_button.setEnabled(False)
        self.context.tasks.submit(download_model, title=self.tr("Downloading face model"),
                                  owner=self.download_button,
                                  on_done=lambda _p: (self.download_button.setEnabled(True),
                                                      self.refresh()),
                                  on_error=lambda m: (self.download_button.setEnabled(True),
                                                      self._error(m)))

    def shutdown(self) -> None:
        self.stop_preview()
