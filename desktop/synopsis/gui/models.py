"""Qt item models over a Report: the aligned-pairs table and its sort/filter proxy."""
from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)

from ..core.model import Link, Report
from ..core.vocab import display_name
from .plaintext import tooltip

_tr = QCoreApplication.translate
COLUMNS = ("class", "score", "wording", "facts", "verdict", "moved", "origin", "a", "b")
LINK_ROLE = Qt.ItemDataRole.UserRole + 1  # the link's index in report.links
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def _excerpt(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PairsModel(QAbstractTableModel):
    """One row per link of the report (manual and automatic)."""

    def __init__(self, parent=None, reviews=None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._links: list[Link] = []
        self._reviews = reviews or (lambda link: None)   # link -> PairReview (verdict, note)
        self._sort_keys: dict[int, list] = {}

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self._report = report
        self._links = list(report.links) if report is not None else []
        self._sort_keys: dict[int, list] = {}
        self.endResetModel()

    def sort_key(self, row: int, column: int):
        """The value a column sorts by, computed once per column (sorting asks for it often)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [self.data(self.index(r, column), SORT_ROLE)
                                              for r in range(len(self._links))]
        return keys[row]

    def refresh(self) -> None:
        """Call after ``report.links`` changed (relabel, manual edit)."""
        self.set_report(self._report)

    def reviews_changed(self) -> None:
        """Verdicts or notes changed: the verdict column is drawn again."""
        if self._links:
            col = COLUMNS.index("verdict")
            self._sort_keys.pop(col, None)
            self.dataChanged.emit(self.index(0, col), self.index(len(self._links) - 1, col))

    def link(self, row: int) -> Link:
        return self._links[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._links)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {"score": _tr("PairsModel", "How sure the aligner is that both passages make the same "
                                               "statement (0–1), neighbours' alignment included"),
                    "wording": _tr("PairsModel", "How much of the wording both passages share; at or above "
                                                 "the shared threshold, with at most a couple of words "
                                                 "changed, the pair is shared"),
                    "verdict": _tr("PairsModel", "Your verdict on the pair (✎ when it has a note)")}
            return tips.get(COLUMNS[section])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {"class": _tr("PairsModel", "Class"), "score": _tr("PairsModel", "Score"),
                 "wording": _tr("PairsModel", "Same words"),
                 "facts": _tr("PairsModel", "Facts"), "verdict": _tr("PairsModel", "Verdict"),
                 "moved": _tr("PairsModel", "Moved"),
                 "origin": _tr("PairsModel", "Origin"), "a": _tr("PairsModel", "Text A"),
                 "b": _tr("PairsModel", "Text B")}
        return names[COLUMNS[section]]

    def _passage(self, side: int, link: Link) -> str:
        doc = self._report.documents[side]
        ids = link.a if side == 0 else link.b
        return " ".join(doc.segment_text(i) for i in ids if 0 <= i < len(doc.segments))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        col = COLUMNS[index.column()]
        if role == LINK_ROLE:
            return index.row()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if col == "class":       # a translated pair is called by its verdict
                name = link.translation or link.label
                return name if sort else _tr("PairsModel", display_name(name))
            if col == "score":
                if link.origin == "manual" and link.same_words is None:   # never scored
                    return -1.0 if sort else _tr("PairsModel", "manual")
                return float(link.score) if sort else f"{link.score:.2f}"
            if col == "verdict":
                review = self._reviews(link)
                if review is None or review.empty:
                    return ""
                shown = _tr("PairsModel", review.verdict) if review.verdict else ""
                return (shown + (" ✎" if review.note else "")).strip()
            if col == "wording":
                value = link.same_words
                if sort:
                    return -1.0 if value is None else value
                return "" if value is None else f"{value:.0%}"
            if col == "facts":
                if sort:
                    return max((f.severity for f in link.facts), default=0) * 100 + len(link.facts)
                if not link.facts:
                    return ""
                kinds = sorted({f.kind for f in link.facts})
                flag = "⚠ " if any(f.severity >= 3 for f in link.facts) else ""
                return f"{flag}{len(link.facts)}: {', '.join(kinds)}"
            if col == "moved":
                return int(link.moved) if sort else (_tr("PairsModel", "moved") if link.moved else "")
            if col == "origin":
                return link.origin if sort else _tr("PairsModel", link.origin)
            text = self._passage(0 if col == "a" else 1, link)
            return text if sort else _excerpt(text)
        if role == Qt.ItemDataRole.ToolTipRole and col in ("a", "b"):
            return tooltip(self._passage(0 if col == "a" else 1, link))
        if role == Qt.ItemDataRole.ToolTipRole and col == "facts" and link.facts:
            return tooltip("\n".join(f"{f.kind}: {f.note}" for f in link.facts))
        if role == Qt.ItemDataRole.ToolTipRole and col == "verdict":
            review = self._reviews(link)
            return tooltip(review.note) or None if review is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("score", "wording"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PairsFilter(QSortFilterProxyModel):
    """Sorts by the raw values and filters by class and by a text search."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._classes = {"shared", "paraphrased"}
        self._text = ""

    def set_classes(self, classes: set[str]) -> None:
        self._classes = set(classes)
        self.invalidate()

    def lessThan(self, left, right) -> bool:
        model = self.sourceModel()
        if isinstance(model, PairsModel):
            a, b = model.sort_key(left.row(), left.column()), model.sort_key(right.row(), right.column())
            return (a, left.row()) < (b, right.row())
        return super().lessThan(left, right)

    def set_text(self, text: str) -> None:
        self._text = text.strip().lower()
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PairsModel) or row >= model.rowCount():
            return True
        link = model.link(row)
        if link.label not in self._classes:
            return False
        if self._text:
            hay = " ".join(str(model.index(row, c).data(SORT_ROLE)) for c in range(len(COLUMNS)))
            return self._text in hay.lower()
        return True
