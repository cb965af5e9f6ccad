"""The main window: navigation sidebar, pane stack, menus and the status bar."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QInputDialog, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QSplitter, QStackedWidget, QStyle)

from console.i18n import LANGUAGES
from console.jobs_bar import JobsIndicator
from console.notifier import Notifier
from console.panes import AUDIENCES, PaneSpec, available_panes
from console.settings import Settings, save_settings
from console.settings_dialog import SettingsDialog
from engine.errors import OperatorError
from engine.store import Workspace
from widgets.context import PaneContext
from widgets.pane import Pane
from widgets.tasks import TaskRunner


class MainWindow(QMainWindow):
    first_painted = Signal()
    workspace_changed = Signal()

    def __init__(self, settings: Settings, workspace: Workspace, tasks: TaskRunner,
                 notifier: Notifier, apply_theme=None) -> None:
        super().__init__()
        self.settings = settings
        self.workspace = workspace
        self.tasks = tasks
        self.notifier = notifier
        self._apply_theme = apply_theme
        self._painted = False
        self._specs: list[PaneSpec] = available_panes()
        self._panes: dict[str, Pane] = {}
        self.setWindowTitle(self.tr("Operator Console"))
        self.resize(1360, 860)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(260)
        self.nav.setSpacing(1)
        self._fill_nav()
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("No panes are installed."))
        self.empty.setAlignment(Qt.AlignCenter)
        self.stack.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1160])
        self.setCentralWidget(splitter)
        self.nav.currentItemChanged.connect(lambda item, _old: self._on_nav(item))

        self.jobs = JobsIndicator(tasks)
        self.workspace_label = QLabel()
        self.statusBar().addPermanentWidget(self.jobs)
        self.statusBar().addPermanentWidget(self.workspace_label)
        notifier.notified.connect(self._on_notice)
        self._build_menus()
        self._update_workspace_label()
        if settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.geometry.encode()))

    # -- panes -------------------------------------------------------------------------------
    def context(self) -> PaneContext:
        return PaneContext(
            workspace=self.workspace, tasks=self.tasks, user=self.settings.user,
            notify=self.notifier.notify,
            options={"model_path": self.settings.model_path, "webhook_url": self.settings.webhook_url},
        )

    def pane_names(self) -> list[str]:
        return [s.name for s in self._specs]

    ICONS = {"profiles": QStyle.SP_FileDialogContentsView, "fraud": QStyle.SP_MessageBoxWarning,
             "avatars": QStyle.SP_DirIcon, "expressions": QStyle.SP_MediaPlay,
             "nudges": QStyle.SP_BrowserReload}

    def _fill_nav(self) -> None:
        self._nav_items: dict[str, QListWidgetItem] = {}
        audience = None
        bold = self.nav.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 0.9)
        for spec in self._specs:
            if spec.audience != audience:
                audience = spec.audience
                header = QListWidgetItem(
                    QCoreApplication.translate("Panes", AUDIENCES.get(audience, audience)).upper())
                header.setFlags(Qt.NoItemFlags)
                header.setFont(bold)
                self.nav.addItem(header)
            item = QListWidgetItem(self.style().standardIcon(self.ICONS.get(spec.name,
                                   QStyle.SP_FileIcon)), spec.title)
            item.setData(Qt.UserRole, spec.name)
            item.setToolTip(spec.title)
            self.nav.addItem(item)
            self._nav_items[spec.name] = item

    def show_pane(self, name: str) -> Pane:
        self.nav.setCurrentItem(self._nav_items[name])
        return self._panes[name]

    def _on_nav(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(Qt.UserRole) is None:
            return
        spec = next(s for s in self._specs if s.name == item.data(Qt.UserRole))
        pane = self._panes.get(spec.name)
        if pane is None:
            try:
                pane = spec.load()(self.context())
            except OperatorError as exc:
                self.notifier.notify("error", str(exc))
                return
            self._panes[spec.name] = pane
            self.stack.addWidget(pane)
            pane.refresh()
        self.stack.setCurrentWidget(pane)
        self.settings.last_pane = spec.name

    def _drop_panes(self) -> None:
        for pane in self._panes.values():
            pane.shutdown()
            self.stack.removeWidget(pane)
            pane.deleteLater()
        self._panes.clear()

    def reload_panes(self) -> None:
        current = self.nav.currentItem()
        self._drop_panes()
        self.nav.setCurrentItem(None)
        if current is not None:
            self.nav.setCurrentItem(current)

    # -- workspace ---------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace) -> None:
        self.tasks.cancel_all()
        old = self.workspace
        self.workspace = workspace
        self._update_workspace_label()
        self.reload_panes()
        if old is not workspace:
            old.dispose()
        self.workspace_changed.emit()

    def _update_workspace_label(self) -> None:
        self.workspace_label.setText(self.tr("Workspace: {0}").format(self.workspace.display_name))

    def _open_url(self, url: str) -> None:
        from engine.store import open_workspace

        try:
            ws = open_workspace(url)
        except OperatorError as exc:
            QMessageBox.warning(self, self.tr("Cannot open workspace"), str(exc))
            return
        self.settings.db_url = url
        self.set_workspace(ws)

    def open_workspace_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), "",
                                              self.tr("SQLite workspace (*.sqlite *.db)"))
        if path:
            self._open_url(f"sqlite:///{path}")

    def open_workspace_url(self) -> None:
        url, ok = QInputDialog.getText(
            self, self.tr("Open database"),
            self.tr("Database URL (sqlite:///file or postgresql+psycopg://user@host/db):"),
            text=self.workspace.url)
        if ok and url.strip():
            self._open_url(url.strip())

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), "workspace.sqlite",
                                              self.tr("SQLite workspace (*.sqlite)"))
        if path:
            self._open_url(f"sqlite:///{path}")

    def build_demo(self, replace: bool = False):
        """Fill the workspace with the demo in the background; returns the task (or None)."""
        from engine.demo import build_demo
        from engine.store.info import is_empty

        with self.workspace.session() as s:
            empty = is_empty(s)
        if not empty and not replace:
            answer = QMessageBox.question(
                self, self.tr("Replace workspace data?"),
                self.tr("This workspace already holds data. Replace everything in it with the "
                        "demo workspace?"))
            if answer != QMessageBox.Yes:
                return None
        return self.tasks.submit(build_demo, self.workspace, replace=True, title=self.tr("Building demo"),
                          owner=self, on_done=lambda _r: self.reload_panes(),
                          on_error=lambda msg: self.notifier.notify("error", msg))

    # -- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        ws = self.menuBar().addMenu(self.tr("&Workspace"))
        ws.addAction(self.tr("&Open…"), QKeySequence.Open, self.open_workspace_file)
        ws.addAction(self.tr("Open &database URL…"), self.open_workspace_url)
        ws.addAction(self.tr("&New…"), QKeySequence.New, self.new_workspace)
        ws.addAction(self.tr("Load &demo data"), self.build_demo)
        ws.addSeparator()
        ws.addAction(self.tr("&Settings…"), QKeySequence.Preferences, self.open_settings)
        ws.addSeparator()
        ws.addAction(self.tr("&Quit"), QKeySequence.Quit, self.close)

        view = self.menuBar().addMenu(self.tr("&View"))
        themes = QActionGroup(self)
        for key, label in (("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            act = QAction(label, self, checkable=True, checked=self.settings.theme == key)
            act.triggered.connect(lambda _c=False, k=key: self.set_theme(k))
            themes.addAction(act)
            view.addAction(act)
        view.addSeparator()
        lang_menu = view.addMenu(self.tr("&Language"))
        langs = QActionGroup(self)
        for key, label in LANGUAGES.items():
            act = QAction(label, self, checkable=True, checked=self.settings.language == key)
            act.triggered.connect(lambda _c=False, k=key: self.set_language(k))
            langs.addAction(act)
            lang_menu.addAction(act)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Operator Console"), self.show_about)

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        if self._apply_theme:
            self._apply_theme(theme)
        self.reload_panes()  # pyqtgraph views pick their colours up when built

    def set_language(self, language: str) -> None:
        if language == self.settings.language:
            return
        self.settings.language = language
        save_settings(self.settings)
        self.statusBar().showMessage(
            self.tr("The language changes when you restart Operator Console."), 10000)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            dialog.apply()
            save_settings(self.settings)
            self.reload_panes()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Operator Console"),
            self.tr("<b>Operator Console</b><br>Customer profiles, fraud review, default avatars, "
                    "expression capture and dwell-time nudges in one place.<br><br>"
                    "Workspace: {0}").format(self.workspace.display_name))

    def _on_notice(self, level: str, message: str) -> None:
        colour = {"error": "#c62828", "warning": "#b26a00"}.get(level, "")
        self.statusBar().setStyleSheet(f"QStatusBar{{color:{colour}}}" if colour else "")
        self.statusBar().showMessage(message, 15000 if level == "error" else 6000)

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Select the last pane after the window is shown (panes build lazily)."""
        names = self.pane_names()
        if names and self.nav.currentItem() is None:
            last = self.settings.last_pane
            self.show_pane(last if last in names else names[0])

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.tasks.shutdown()
        self._drop_panes()
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.notifier.notify("warning", self.tr("Settings not saved: {0}").format(exc))
        super().closeEvent(event)
