"""Theme, text size and the Preferences dialog, mixed into the main window."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ..library import default_path
from . import theme as themes
from .dialogs import Dialogs


class AppearanceMixin:
    """Needs the window's views, panes, overviews, linkmap, legend, detail and store."""

    def set_theme(self, name: str) -> None:
        self.theme_name = name
        self.store.set("theme", name)
        app = QApplication.instance()
        self.theme = themes.apply(app, name) if app is not None else themes.resolve(name)
        for key, act in self.theme_actions.items():
            act.blockSignals(True)
            act.setChecked(key == name)
            act.blockSignals(False)
        for view in self.views:
            view.set_theme(self.theme)
        for pane in self.panes:
            pane.summary.set_theme(self.theme)
        for ov in self.overviews:
            ov.set_theme(self.theme)
        self.linkmap.theme = self.theme
        self.linkmap.update()
        self.legend.set_theme(self.theme)
        self.detail.theme = self.theme
        if self.current_link is not None and self.report is not None:
            self.detail.show_link(self.report, self.report.links[self.current_link])

    def set_font_size(self, points: float) -> None:
        for view in self.views:
            view.zoom(points)

    def zoom(self, step: int) -> None:
        base = QApplication.font().pointSizeF()
        size = base if step == 0 else self.views[0].font().pointSizeF() + step
        size = min(max(size, 6.0), 48.0)
        self.set_font_size(size)
        self.store.set("font_size", 0.0 if step == 0 else size)

    def preferences(self) -> None:
        result = Dialogs.preferences(self, self.engine, self.theme_name, self.store.get("library_path"),
                                     str(default_path()))
        if result is None:
            return
        settings, theme, *rest = result
        if rest:
            self.library_ctl.set_path(rest[0])
        regranulate = settings.granularity != self.engine.granularity
        self.store.set("granularity", settings.granularity)
        self.set_theme(theme)
        self.shared_box.setValue(settings.shared_threshold)
        self.words_box.setValue(settings.shared_max_changed_words)
        self.para_box.setValue(settings.paraphrase_threshold)
        self.engine = settings
        if regranulate and any(self.specs):
            self.start()
