"""Name facts of a linked pair: the names (see ``names``) of both sides compared word by word.

A word left over on both sides that looks like the same name (known transliteration, same
consonant skeleton, high similarity) is a spelling variant; a whole name swapped for another in
the same context ("President Trump said" / "President Biden said") is a different name. A name
present on one side only is usually paraphrase, so it is reported only when it looks like a
person.
"""
from __future__ import annotations

from collections import Counter
from typing import AbstractSet

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .gazetteer import entity
from .lexicon import SPELLINGS
from .names import _JOIN_GAP, Name
from .spelling import DEMONYMS, initials_alike, same, variant
from .transliteration import alike

# A name with the indices of its words that are matched on the other side (filled in as the
# comparison goes: a set, changed in place).
Loose = tuple[Name, set[int]]


def _keys(names: list[Name]) -> set[str]:
    return {k for n in names for k in n.keys}


def _acronyms(names: list[Name]) -> set[str]:
    return {n.acronym for n in names if len(n.keys) > 1}


def _unmatched(keys: set[str], other_acr: set[str], other_keys: set[str]) -> set[str]:
    """The keys (none of them a word of the other side) found there neither as an acronym
    nor as the same name inflected (``any(same(k, o) for o in other_keys)``).

    Tried key against key: a link has a few such keys and a few names on the other side. Other
    than an equal key or a demonym, ``same`` needs a shared stem of at least four letters.
    """
    left = keys.difference(other_acr)
    if not left:
        return left
    demonyms = not other_keys.isdisjoint(DEMONYMS)
    canon: set[str] | None = None
    out = set()
    for k in left:
        if k in other_keys:
            continue
        if len(k) >= 4:
            head = k[:4]
            inflected = False
            for o in other_keys:
                if o.startswith(head) and same(k, o):
                    inflected = True
                    break
            if inflected:
                continue
        if demonyms or k in DEMONYMS:
            if canon is None:
                canon = {DEMONYMS.get(o, o) for o in other_keys}
            if DEMONYMS.get(k, k) in canon:
                continue
        out.add(k)
    return out


def _loose(names: list[Name], unmatched: set[str], other_keys: set[str], other_acr: set[str]) -> list[Loose]:
    """The names with a word the other side lacks, each with the indices of its words that the
    other side has; a name whose words are all found (most of them) is left alone: it can
    neither be a variant nor be missing."""
    out = []
    for n in names:
        if len(n.keys) == 1:       # most names
            if n.keys[0] in unmatched:
                out.append((n, set()))
            continue
        if all(k not in unmatched for k in n.keys):
            continue
        # "European Central Bank" = "ECB", unless the other side spells the long form out too
        if len(n.keys) > 1 and n.acronym in other_keys and n.acronym not in other_acr:
            continue
        out.append((n, {i for i, k in enumerate(n.keys) if k not in unmatched}))
    return out


def _wording(name: Name, text: str, lexicons: tuple[AbstractSet[str], ...]) -> bool:
    """Whether the name is a German noun phrase: it ends in a common noun ("Trumps Präsenz"), or
    a common noun heads it and joins the rest through "von" ("Fälle von Angriffen")."""
    if any(name.keys[-1] in lexicon for lexicon in lexicons):
        return True
    return (len(name.keys) > 1 and any(name.keys[0] in lexicon for lexicon in lexicons)
            and _JOIN_GAP.fullmatch(text, name.ends[0], name.starts[1]) is not None)


class _Side:
    """One side of a link as the comparison goes: its text, the names with a word the other
    side lacks (``loose``), the mentions of a name it repeats more often than the other side
    (``spare``, see ``_spare``) and how many such mentions each word has left (``budget``)."""

    __slots__ = ("text", "loose", "spare", "budget")

    def __init__(self, text: str, loose: list[Loose], spare: list[Loose], budget: Counter[str]) -> None:
        self.text, self.loose, self.spare, self.budget = text, loose, spare, budget

    def spend(self, word: str) -> None:
        if word in self.budget:
            self.budget[word] -= 1


def compare(text_a: str, names_a: list[Name], words_a: AbstractSet[str],
            text_b: str, names_b: list[Name], words_b: AbstractSet[str],
            nouns: tuple[AbstractSet[str], ...] = ()) -> list[Fact]:
    """Name facts of a linked pair. A German noun phrase (``_wording``: judged by ``nouns``,
    the common nouns of German documents, see ``german.document_nouns``) may still be a spelling
    variant, but is neither a different name nor missing: German capitalises every noun, and
    "Trainer → Coach" or "Trumps Präsenz" is wording, not a person or a place."""
    keys_a, keys_b = _keys(names_a), _keys(names_b)
    left_a, left_b = keys_a.difference(words_b), keys_b.difference(words_a)
    if not left_a and not left_b:       # every name's words on the other side: most links
        return []
    acr_a, acr_b = _acronyms(names_a), _acronyms(names_b)
    open_a, open_b = _unmatched(left_a, acr_b, keys_b), _unmatched(left_b, acr_a, keys_a)
    if not open_a and not open_b:
        return []
    loose_a, loose_b = _loose(names_a, open_a, keys_b, acr_b), _loose(names_b, open_b, keys_a, acr_a)
    # a mention of a name the other side names less often may be the one changed there
    spare_a, budget_a = _spare(names_a, names_b, loose_a, nouns) \
        if open_b and _repeats(names_a, keys_a) else ([], Counter())
    spare_b, budget_b = _spare(names_b, names_a, loose_b, nouns) \
        if open_a and _repeats(names_b, keys_b) else ([], Counter())
    a, b = _Side(text_a, loose_a, spare_a, budget_a), _Side(text_b, loose_b, spare_b, budget_b)
    facts = _variants(a, b)
    # a name is kept when its last word (the surname) is: "Mark Rutte" / "Mark Hartley" differ
    gone = [n for n, matched in loose_a
            if len(n.keys) - 1 not in matched and not (nouns and _wording(n, text_a, nouns))]
    new = [m for m, found in loose_b
           if len(m.keys) - 1 not in found and not (nouns and _wording(m, text_b, nouns))]
    facts += _swaps(a, gone, b, new, spare=not nouns)
    if not nouns:       # (German capitalises nouns: "Harte Worte" / "Scharfe Worte" is wording)
        facts += _inner_swaps(text_a, loose_a, text_b, loose_b)
    facts += [Fact(FactKind.NAME, n.span, None, severity=Severity.CHECK, note=f"name only in A: {n.span.slice(text_a)}")
              for n in gone if n.person_like]
    facts += [Fact(FactKind.NAME, None, m.span, severity=Severity.CHECK, note=f"name only in B: {m.span.slice(text_b)}")
              for m in new if m.person_like]
    return facts


def _variants(a: _Side, b: _Side) -> list[Fact]:
    """Spelling variants: each word of A's loose (then spare) names not yet matched, paired with
    the first word of B's that is a variant of it; both marked matched. ``variant`` needs the
    same first letter (or one a transliteration writes for it: W / V, J / Y) unless the table
    relates the two; a spare mention and a word that is the same name inflected ("Londons")
    are no variants: that is the other mention."""
    facts: list[Fact] = []
    budget_a, budget_b = a.budget, b.budget
    # the words of B's loose (then spare) names not yet matched, each with its name's matched indices
    words_left_b = [(m, found, j, m.keys[j]) for m, found in b.loose + b.spare for j in range(len(m.keys))
                    if j not in found]
    for n, matched in a.loose + a.spare:
        for i, k in enumerate(n.keys):
            if i in matched or budget_a.get(k, 1) < 1:
                continue
            hit = next(((m, found, j, o) for m, found, j, o in words_left_b
                        if budget_b.get(o, 1) > 0 and (k[:1] == o[:1] or k in SPELLINGS or initials_alike(k, o))
                        and variant(k, o)
                        and not ((k in budget_a or o in budget_b) and same(k, o))), None)
            if hit is None:
                continue
            m, found, j, o = hit
            words_left_b.remove(hit)
            matched.add(i)
            found.add(j)
            a.spend(k)
            b.spend(o)
            sp, other = Span(n.starts[i], n.ends[i]), Span(m.starts[j], m.ends[j])
            facts.append(Fact(FactKind.NAME, sp, other, severity=Severity.NOTE,
                              note=f"spelling variant: {sp.slice(a.text)} / {other.slice(b.text)}"))
    return facts


def _swaps(a: _Side, gone: list[Name], b: _Side, new: list[Name], spare: bool = True) -> list[Fact]:
    """A name swapped for another in the same context (the same words either side): the first
    unpaired name of B with A's name's neighbours, in text order. A spare mention may be
    swapped for a name truly new (``spare``: English only, German capitalises the verb opening
    a question, and nouns a document has once only), never reported as missing. The names
    paired are taken out of ``gone`` and ``new``."""
    budget_a, budget_b = a.budget, b.budget
    spare_gone = [n for n, matched in a.spare if len(n.keys) - 1 not in matched
                  and budget_a[n.keys[-1]] > 0] if spare else []
    spare_new = [m for m, found in b.spare if len(m.keys) - 1 not in found
                 and budget_b[m.keys[-1]] > 0] if spare else []
    if not ((gone or spare_gone) and (new or spare_new)):
        return []
    facts: list[Fact] = []
    by_context: dict[tuple[str, str], list[Name]] = {}
    for m in new + spare_new:
        by_context.setdefault((m.prev, m.next), []).append(m)
    paired: set[int] = set()
    for n in gone + spare_gone:
        if not (n.prev or n.next):
            continue
        is_spare = n in spare_gone
        same_context = [m for m in by_context.get((n.prev, n.next), ())
                        if not (is_spare and m in spare_new) and budget_b.get(m.keys[-1], 1) > 0]
        if same_context and (not is_spare or budget_a[n.keys[-1]] > 0):
            m = same_context[0]
            by_context[(n.prev, n.next)].remove(m)
            paired.add(id(m))
            if is_spare:
                budget_a[n.keys[-1]] -= 1
            else:
                gone.remove(n)
            b.spend(m.keys[-1])
            facts.append(Fact(FactKind.NAME, n.span, m.span, severity=Severity.ALARM,
                              note=f"different name: {n.span.slice(a.text)} → {m.span.slice(b.text)}"))
    new[:] = [m for m in new if id(m) not in paired]
    return facts


def _repeats(names: list[Name], keys: set[str]) -> bool:
    """Whether a word is in more than one of the names (``keys``: all their words)."""
    return sum(len(n.keys) for n in names) > len(keys)


def _spare(names: list[Name], other: list[Name], loose: list[Loose],
           nouns: tuple[AbstractSet[str], ...]) -> tuple[list[Loose], Counter[str]]:
    """The names (not loose already) with a word this side names more than once and more often
    than the other side does, each with the indices of its other words, and how many more times
    each such word is named: "Culturecom … chairman of Culturecom" / "Culturecom … chairman of
    Castellano" (one mention swapped), "Kaspar Ochsner … (Kaspar …)" / "Ksapar Ochsner …
    (Kaspar …)" (one misspelt). Such a mention pairs with a word the other side lacks, as a variant or a swap
    in the same context, no more often than its word is named more; it is never missing. The
    common nouns of German documents (``nouns``) are left out: repeated, inflected or dropped,
    they are wording."""
    repeated = Counter(k for n in names for k in n.keys)
    counts = repeated.copy()
    counts.subtract(k for n in other for k in n.keys)
    budget = Counter({k: c for k, c in counts.items()
                      if c > 0 and repeated[k] > 1 and not any(k in lexicon for lexicon in nouns)})
    if not budget:
        return [], budget
    taken = {id(n) for n, _ in loose}
    out = []
    for n in names:
        if id(n) in taken:
            continue
        for i, k in enumerate(n.keys):
            if k in budget:
                out.append((n, set(range(len(n.keys))) - {i}))
                break
    return out, budget


def _inner_swaps(text_a: str, loose_a: list[Loose], text_b: str, loose_b: list[Loose]) -> list[Fact]:
    """A word inside a name replaced while its last word stays ("Mayor James Quinn" / "Mayor
    Lindqvist Quinn", "Nasdaq Composite Index" / "Nasdaq Wojcik Index"): two names written the
    same but for one word before the last, a word neither side has elsewhere and that is no
    abbreviation of the other ("Fed" / "Federal"). English only (see compare)."""
    facts = []
    taken: set[int] = set()
    for n, matched in loose_a:
        if len(n.keys) < 2 or len(n.keys) - 1 not in matched or len(matched) != len(n.keys) - 1:
            continue
        i = next(i for i in range(len(n.keys)) if i not in matched)
        for m, found in loose_b:
            if (id(m) in taken or len(m.keys) != len(n.keys) or len(found) != len(m.keys) - 1
                    or i in found or not same(n.keys[-1], m.keys[-1])):
                continue
            if _one_word_apart(n, text_a, m, text_b, i):
                taken.add(id(m))
                facts.append(Fact(FactKind.NAME, n.span, m.span, severity=Severity.ALARM,
                                  note=f"different name: {n.span.slice(text_a)} → {m.span.slice(text_b)}"))
                break
    return facts


def _one_word_apart(n: Name, text_a: str, m: Name, text_b: str, i: int) -> bool:
    """Whether two names differ only in their ``i``-th word, two words of letters neither of
    which opens the other, and are written the same elsewhere, titles too ("President Donald
    Trump" / "US President Trump" differ more)."""
    x, y = n.keys[i], m.keys[i]
    if x.startswith(y) or y.startswith(x) or not (x.isalpha() and y.isalpha()):
        return False
    name_a, name_b = n.span.slice(text_a), m.span.slice(text_b)
    start, end = n.starts[i] - n.span.start, n.ends[i] - n.span.start
    other_start, other_end = m.starts[i] - m.span.start, m.ends[i] - m.span.start
    return (name_a[:start].casefold() == name_b[:other_start].casefold()
            and name_a[end:].casefold() == name_b[other_end:].casefold())


# -- between languages --------------------------------------------------------------------------

def _entities(names: list[Name]) -> dict[str, set[int]]:
    """The gazetteer entities the names stand for (a whole name, "White House", or one of its
    words, "Russian"), each with the indices of the names that name it."""
    out: dict[str, set[int]] = {}
    for i, n in enumerate(names):
        whole = entity(" ".join(n.keys)) if len(n.keys) > 1 else None
        for e in {whole} | {entity(k) for k in n.keys}:
            if e is not None:
                out.setdefault(e, set()).add(i)
    return out


def _matched_across(names: list[Name], other: list[Name], other_entities: dict[str, set[int]]) -> list[set[int]]:
    """For each name, the indices of its words found on the other side (in another language or
    script): a word written alike (``transliteration.alike``), or a word or the whole name of an
    entity the other side names too."""
    other_keys = [k for n in other for k in n.keys]
    out = []
    for n in names:
        whole = entity(" ".join(n.keys)) if len(n.keys) > 1 else None
        if whole is not None and whole in other_entities:
            out.append(set(range(len(n.keys))))
            continue
        out.append({i for i, k in enumerate(n.keys)
                    if (e := entity(k)) is not None and e in other_entities or any(alike(k, o) for o in other_keys)})
    return out


def compare_across(text_a: str, names_a: list[Name], text_b: str, names_b: list[Name]) -> list[Fact]:
    """Name facts of a linked pair in two languages. Names are matched by spelling across
    conventions and scripts and by the gazetteer ("Київ" = "Kiev", "Белом доме" = "White House");
    a transliteration is no fact, not even a note. Only a person's name whose first name is
    found on the other side and whose surname is not is reported: a place or an organisation is
    often translated word by word ("Study of War" / "Estudio de la Guerra"), a person's first name
    is transliterated. Such names on both sides, as many on each, are different names (a name
    left on one side only is no fact: a person's whole name dropped in translation cannot be
    told from an organisation's name translated)."""
    matched_a = _matched_across(names_a, names_b, _entities(names_b))
    matched_b = _matched_across(names_b, names_a, _entities(names_a))
    gone = [n for n, found in zip(names_a, matched_a) if _surname_left(n, found)]
    new = [m for m, found in zip(names_b, matched_b) if _surname_left(m, found)]
    if not gone or len(gone) != len(new):
        return []
    return [Fact(FactKind.NAME, n.span, m.span, severity=Severity.ALARM,
                 note=f"different name: {n.span.slice(text_a)} → {m.span.slice(text_b)}") for n, m in zip(gone, new)]


def _surname_left(name: Name, found: set[int]) -> bool:
    """Whether a name's last word (the surname) is not found on the other side while another
    of its words, not a place or organisation of the gazetteer, is (the first name)."""
    last = len(name.keys) - 1
    return last > 0 and last not in found and any(entity(name.keys[i]) is None for i in found)
