"""The window's actions, menus and toolbar, declared in one place (each with its shortcut
shown in its tooltip and listed under Help ▸ Keyboard shortcuts)."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from ..library.corrections import VERDICTS
from .dialogs import Dialogs
from .scan import add_scan_action
from .views.verdict import verdict_names

_Key = QKeySequence.StandardKey


def make_action(window, text: str, slot, shortcut=None, tip: str | None = None, checkable=False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setCheckable(checkable)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = tip or text.replace("&", "").rstrip("…")
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    (action.toggled if checkable else action.triggered).connect(slot)
    window.addAction(action)     # the shortcut works wherever the focus is in the window
    return action


def build_actions(w) -> None:
    """Create ``w.act_*`` for the main window ``w`` (its session, controllers and docks exist)."""
    a, s, tr = (lambda *args, **kw: make_action(w, *args, **kw)), w.session, w.tr
    w.act_open_a = a(tr("Open source &A…"), lambda: w.open_file(0), "Ctrl+O")
    w.act_open_b = a(tr("Open source &B…"), lambda: w.open_file(1), "Ctrl+Shift+O")
    w.act_url = a(tr("Open web &address…"), w.open_url, "Ctrl+L")
    w.act_paste = a(tr("&Paste as new source"), lambda: w.paste_source(None), "Ctrl+Shift+V",
                    tr("Use the clipboard's text as a source"))
    w.act_swap = a(tr("&Swap sides"), s.swap, "Ctrl+Shift+S", tr("Swap the sources (your review comes along)"))
    w.act_save = a(tr("&Save comparison"), w.library_ctl.save, _Key.Save,
                   tr("Make sure this comparison is in the library (your review is saved as you make it)"))
    w.act_export = a(tr("&Export…"), w.export, "Ctrl+E", tr("Write the comparison as a report file (with your verdicts)"))
    w.act_many = a(tr("Compare &many sources…"), w.collection_ctl.choose, "Ctrl+Shift+M",
                   tr("Compare three or more sources at once in a claim matrix"))
    w.act_quit = a(tr("&Quit"), w.close, _Key.Quit)
    w.act_undo = s.undo.createUndoAction(w, tr("&Undo"))
    w.act_undo.setShortcut(QKeySequence(_Key.Undo))
    w.act_redo = s.undo.createRedoAction(w, tr("&Redo"))
    w.act_redo.setShortcut(QKeySequence(_Key.Redo))
    w.addActions([w.act_undo, w.act_redo])
    w.act_link = a(tr("&Link selected passages"), s.link_selected, "Ctrl+K",
                   tr("Link the passages selected in A and B (Ctrl+click adds a passage)"))
    w.act_unlink = a(tr("U&nlink pair"), s.unlink_selected, "Ctrl+Shift+K")
    w.act_mark_shared = a(tr("Mark pair as &shared"), lambda: s.mark_selected("shared"), "Ctrl+Alt+S")
    w.act_mark_para = a(tr("Mark pair as &paraphrased"), lambda: s.mark_selected("paraphrased"), "Ctrl+Alt+P")
    names = verdict_names(tr)
    w.verdict_actions = [a(tr("Verdict: %1").replace("%1", names[v]), lambda _=False, v=v: w.set_verdict(v),
                           f"Alt+{n}") for n, v in enumerate(VERDICTS, 1)]
    w.act_clear_verdict = a(tr("Clear the verdict"), lambda: w.set_verdict(""), "Alt+0")
    w.act_note = a(tr("Write a &note on the pair"), w.focus_note, "Ctrl+Shift+N")
    w.act_save_default = a(tr("Save thresholds as &default"), w.save_default_thresholds,
                           tip=tr("Start new comparisons with this comparison's thresholds"))
    w.act_reset = a(tr("&Reset thresholds"), w.reset_thresholds, tip=tr("Back to the default thresholds"))
    w.act_prefs = a(tr("Pr&eferences…"), w.preferences, [_Key.Preferences, "Ctrl+,"])
    _build_view_actions(w, a, s, tr)
    _build_menus(w)
    _build_toolbar(w)


def _build_view_actions(w, a, s, tr) -> None:
    w.act_next = a(tr("&Next difference"), lambda: s.next_difference(True), ["F7", "Alt+Down"])
    w.act_prev = a(tr("&Previous difference"), lambda: s.next_difference(False), ["Shift+F7", "Alt+Up"])
    w.act_next_fact = a(tr("Next changed &fact"), lambda: s.next_fact(True), "F8",
                        tr("The next pair with a changed figure, date, name, quote, speaker or negation "
                           "(which severities: Preferences)"))
    w.act_prev_fact = a(tr("Previous changed f&act"), lambda: s.next_fact(False), "Shift+F8")
    w.act_sync = a(tr("S&ynchronised scrolling"), w.set_sync, "Ctrl+Shift+Y",
                   tr("Keep aligned passages level; off = scroll each side on its own"), True)
    w.act_sync.setChecked(w.store.get("sync_scroll"))
    w.act_zoom_in = a(tr("Zoom &in"), lambda: w.zoom(1), ["Ctrl++", "Ctrl+="])
    w.act_zoom_out = a(tr("Zoom &out"), lambda: w.zoom(-1), "Ctrl+-")
    w.act_zoom_reset = a(tr("&Actual size"), lambda: w.zoom(0), "Ctrl+0")
    w.act_library = w.library_ctl.dock.toggleViewAction()
    w.act_library.setText(tr("&Library"))
    w.act_library.setShortcut(QKeySequence("Ctrl+Shift+L"))
    w.act_library.setToolTip(tr("Show or hide the library (Ctrl+Shift+L)"))
    w.act_facts = w.facts_dock.toggleViewAction()
    w.act_facts.setText(tr("Changed &facts list"))
    w.act_facts.setShortcut(QKeySequence("Ctrl+Shift+F"))
    w.act_facts.setToolTip(tr("Show or hide every changed fact, most severe first (Ctrl+Shift+F)"))
    for act in (w.act_library, w.act_facts):
        w.addAction(act)
    w.act_focus_table = a(tr("Go to the &pairs table"), lambda: w.pairs.table.setFocus(), "Ctrl+T")
    w.act_focus_a = a(tr("Go to source A's text"), lambda: w.views[0].setFocus(), "Ctrl+1")
    w.act_focus_b = a(tr("Go to source B's text"), lambda: w.views[1].setFocus(), "Ctrl+2")
    w.act_shortcuts = a(tr("&Keyboard shortcuts"), w.show_shortcuts, "F1")
    w.act_about = a(tr("&About Synopsis"), lambda: Dialogs.about(w))
    w.theme_actions = {}
    for key, name in (("system", tr("Follow the &system")), ("light", tr("&Light")), ("dark", tr("&Dark"))):
        w.theme_actions[key] = a(name, lambda checked, k=key: checked and w.set_theme(k), checkable=True)


def _fill(menu, actions) -> None:
    for act in actions:
        menu.addSeparator() if act is None else menu.addAction(act)


def _build_menus(w) -> None:
    tr, menus = w.tr, w.menuBar()
    m = menus.addMenu(tr("&File"))
    _fill(m, (w.act_open_a, w.act_open_b, w.act_url, w.act_paste))
    w.recent_menu = m.addMenu(tr("Open &recent"))
    w.recent_menu.aboutToShow.connect(w.fill_recent)
    m.addAction(w.act_many)
    add_scan_action(w, m)
    _fill(m, (None, w.act_save, w.act_export, None, w.act_swap, None, w.act_quit))
    m = menus.addMenu(tr("&Edit"))
    _fill(m, (w.act_undo, w.act_redo, None, w.act_link, w.act_unlink, w.act_mark_shared, w.act_mark_para, None))
    verdicts = m.addMenu(tr("&Verdict"))
    _fill(verdicts, (*w.verdict_actions, w.act_clear_verdict, None, w.act_note))
    thresholds = m.addMenu(tr("&Thresholds"))
    _fill(thresholds, (w.act_save_default, w.act_reset))
    _fill(m, (None, w.act_prefs))
    m = menus.addMenu(tr("&View"))
    _fill(m, (w.act_library, w.act_facts, None, w.act_next, w.act_prev, w.act_next_fact, w.act_prev_fact, None,
              w.act_focus_a, w.act_focus_b, w.act_focus_table, None, w.act_sync, None, w.act_zoom_in,
              w.act_zoom_out, w.act_zoom_reset))
    _fill(m.addMenu(tr("&Theme")), w.theme_actions.values())
    _fill(menus.addMenu(tr("&Help")), (w.act_shortcuts, None, w.act_about))


def _build_toolbar(w) -> None:
    tr = w.tr
    for act, short in ((w.act_open_a, tr("Open A")), (w.act_open_b, tr("Open B")), (w.act_swap, tr("Swap")),
                       (w.act_prev, tr("◀ Difference")), (w.act_next, tr("Difference ▶")),
                       (w.act_next_fact, tr("Fact ▶")), (w.act_link, tr("Link")), (w.act_unlink, tr("Unlink"))):
        act.setIconText(short)     # the toolbar's short label; menus show the full text
    tools = QToolBar(w.tr("Comparison"))
    tools.setObjectName("comparison-toolbar")
    _fill(tools, (w.act_open_a, w.act_open_b, w.act_swap, None, w.act_prev, w.act_next, w.act_next_fact,
                  None, w.act_link, w.act_unlink, None))
    tools.addWidget(w.thresholds)
    w.toolbar = tools
    w.addToolBar(tools)
