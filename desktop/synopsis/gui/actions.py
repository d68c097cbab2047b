"""The window's actions, menus and toolbar, declared in one place (each with its shortcut
shown in the tooltip)."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSpinBox, QToolBar

from .dialogs import Dialogs
from .scan import add_scan_action


class ActionsMixin:
    """Mixed into MainWindow: builds ``act_*`` actions, menus and the toolbar."""

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None, checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setCheckable(checkable)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = tip or text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_open_a = a(self.tr("Open source &A…"), lambda: self.open_file(0), "Ctrl+O")
        self.act_open_b = a(self.tr("Open source &B…"), lambda: self.open_file(1), "Ctrl+Shift+O")
        self.act_url = a(self.tr("Open web &address…"), self.open_url, "Ctrl+L")
        self.act_paste = a(self.tr("&Paste as new source"), lambda: self.paste_source(None), "Ctrl+Shift+V",
                           self.tr("Use the clipboard's text as a source"))
        self.act_swap = a(self.tr("&Swap sides"), self.swap, "Ctrl+Shift+S")
        self.act_save = a(self.tr("&Save comparison"), self.save_comparison, QKeySequence.StandardKey.Save,
                          self.tr("Store this comparison, its sources, corrections and verdicts in the library"))
        self.act_export = a(self.tr("&Export…"), self.export, "Ctrl+E",
                            self.tr("Write the comparison as a report file (with your verdicts)"))
        self.act_many = a(self.tr("Compare &many sources…"), self.collection_ctl.choose, "Ctrl+Shift+M",
                          self.tr("Compare three or more sources at once in a claim matrix"))
        self.act_library = self.library_ctl.dock.toggleViewAction()
        self.act_library.setText(self.tr("&Library"))
        self.act_library.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.act_library.setToolTip(self.tr("Show or hide the library (Ctrl+Shift+L)"))
        self.act_quit = a(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.act_link = a(self.tr("&Link selected passages"), self.link_selected, "Ctrl+K",
                          self.tr("Link the passages selected in A and B (Ctrl+click adds a passage)"))
        self.act_unlink = a(self.tr("U&nlink pair"), self.unlink_selected, "Ctrl+Shift+K")
        self.act_mark_shared = a(self.tr("Mark pair as &shared"), lambda: self.mark_selected("shared"))
        self.act_mark_para = a(self.tr("Mark pair as &paraphrased"), lambda: self.mark_selected("paraphrased"))
        self.act_prefs = a(self.tr("Pr&eferences…"), self.preferences, QKeySequence.StandardKey.Preferences)
        self.act_next = a(self.tr("&Next difference"), lambda: self.navigate(True),
                          [QKeySequence("F7"), QKeySequence("Alt+Down")])
        self.act_prev = a(self.tr("&Previous difference"), lambda: self.navigate(False),
                          [QKeySequence("Shift+F7"), QKeySequence("Alt+Up")])
        self.act_next_fact = a(self.tr("Next changed &fact"), lambda: self.navigate_facts(True), "F8",
                               self.tr("The next pair with a changed figure, date, name, quote, speaker or "
                                       "negation worth checking"))
        self.act_prev_fact = a(self.tr("Previous changed f&act"), lambda: self.navigate_facts(False), "Shift+F8")
        self.act_sync = a(self.tr("S&ynchronised scrolling"), self.set_sync, "Ctrl+Shift+Y",
                          self.tr("Keep aligned passages level; off = scroll each side on its own"), True)
        self.act_sync.setChecked(self.store.get("sync_scroll"))
        self.act_zoom_in = a(self.tr("Zoom &in"), lambda: self.zoom(1), [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = a(self.tr("Zoom &out"), lambda: self.zoom(-1), "Ctrl+-")
        self.act_zoom_reset = a(self.tr("&Actual size"), lambda: self.zoom(0), "Ctrl+0")
        self.act_about = a(self.tr("&About Synopsis"), lambda: Dialogs.about(self))
        self.theme_actions = {}
        for key, name in (("system", self.tr("Follow the &system")), ("light", self.tr("&Light")),
                          ("dark", self.tr("&Dark"))):
            act = a(name, lambda checked, k=key: checked and self.set_theme(k), checkable=True)
            self.theme_actions[key] = act
        menus = self.menuBar()
        m = menus.addMenu(self.tr("&File"))
        for act in (self.act_open_a, self.act_open_b, self.act_url, self.act_paste):
            m.addAction(act)
        self.recent_menu = m.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addAction(self.act_many)
        add_scan_action(self, m)
        m.addSeparator()
        m.addAction(self.act_save)
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_swap)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = menus.addMenu(self.tr("&Edit"))
        for act in (self.act_undo, self.act_redo, None, self.act_link, self.act_unlink,
                    self.act_mark_shared, self.act_mark_para, None, self.act_prefs):
            m.addSeparator() if act is None else m.addAction(act)
        m = menus.addMenu(self.tr("&View"))
        for act in (self.act_library, None, self.act_next, self.act_prev, self.act_next_fact, self.act_prev_fact, None,
                    self.act_sync, None, self.act_zoom_in,
                    self.act_zoom_out, self.act_zoom_reset):
            m.addSeparator() if act is None else m.addAction(act)
        tm = m.addMenu(self.tr("&Theme"))
        for act in self.theme_actions.values():
            tm.addAction(act)
        menus.addMenu(self.tr("&Help")).addAction(self.act_about)
        tools = QToolBar(self.tr("Comparison"))
        tools.setObjectName("comparison-toolbar")
        for act in (self.act_open_a, self.act_open_b, self.act_swap, None, self.act_prev, self.act_next,
                    self.act_sync, None, self.act_link, self.act_unlink, None):
            tools.addSeparator() if act is None else tools.addAction(act)
        self.shared_box, self.para_box = QDoubleSpinBox(), QDoubleSpinBox()
        for box, label, tip, value in (
                (self.shared_box, self.tr("Shared ≥"), self.tr("Character similarity for 'shared'"),
                 self.engine.shared_threshold),
                (self.para_box, self.tr("Linked ≥"), self.tr("Score for linking as a paraphrase"),
                 self.engine.paraphrase_threshold)):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.05)
            box.setDecimals(2)
            box.setValue(value)
            box.setToolTip(tip)
            box.valueChanged.connect(self.set_thresholds)
            tools.addWidget(QLabel(" " + label + " "))
            tools.addWidget(box)
            if box is self.shared_box:     # the second half of the shared rule
                self.words_box = QSpinBox()
                self.words_box.setRange(0, 99)
                self.words_box.setValue(self.engine.shared_max_changed_words)
                self.words_box.setToolTip(self.tr("Most words that may be dropped, added or replaced "
                                                  "in a pair counted as shared"))
                self.words_box.valueChanged.connect(self.set_thresholds)
                tools.addWidget(QLabel(" " + self.tr("and ≤") + " "))
                tools.addWidget(self.words_box)
                tools.addWidget(QLabel(" " + self.tr("words changed") + " "))
        self.addToolBar(tools)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = self.store.recent()
        if not entries:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        for a, b in entries:
            act = self.recent_menu.addAction(f"{a}  ↔  {b}")
            act.triggered.connect(lambda checked=False, a=a, b=b: self.open_paths(a, b))
