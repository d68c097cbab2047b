"""What the generated fact gold sets share: where the data is, applying edit functions to a
pool of sentences, and writing a set (used by facts_heldout.py and facts_blind.py).

An edit function takes ``(sentence, rng)`` and returns None or ``(new, start, end)`` — the
edited sentence and the span of the old one it changed — optionally with a fourth element,
the A side to use instead of the sentence.
"""
from __future__ import annotations

import json
import os
import random
import sys
from collections import Counter
from pathlib import Path
from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA", ROOT.parent / "shared" / "data"))

Edit = Callable[[str, random.Random], tuple | None]


def edited_items(pools: dict[str, list[tuple[str, str]]], changes: list[tuple[str | None, Edit]],
                 quota: int, rng: random.Random, quoted: Callable[[str, int], bool],
                 unquoted_kinds: tuple[str, ...] = ("quote",),
                 extra: Callable[[Edit], dict] = lambda fn: {}) -> list[dict]:
    """Up to ``quota`` items per edit function and pool, pools shuffled by ``rng``. An edit of
    ``kind`` (None: an equivalent rewrite) is labelled with it, plus "quote" when it starts
    inside quotation marks (``quoted``), unless its kind is one of ``unquoted_kinds``."""
    items: list[dict] = []
    for kind, fn in changes:
        for pool in pools.values():
            order = pool[:]
            rng.shuffle(order)
            taken = 0
            for src, sentence in order:
                if taken >= quota:
                    break
                got = fn(sentence, rng)
                if got is None:
                    continue
                new, start = got[0], got[1]
                a = got[3] if len(got) > 3 else sentence
                if new == a:
                    continue
                kinds = {kind} if kind else set()
                if kind and kind not in unquoted_kinds and quoted(a, start):
                    kinds.add("quote")
                items.append({"source": src, "edit": fn.__name__, "a": a, "b": new, "kinds": sorted(kinds),
                              **extra(fn)})
                taken += 1
    return items


def write(items: list[dict], out: Path, name: str) -> int:
    """Write ``items`` as JSON lines to ``out``; the exit status of the generator ``name``."""
    if not DATA.exists():
        print(f"{name}: data folder not found: {DATA} (set SYNOPSIS_DATA)", file=sys.stderr)
        return 1
    out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    kinds = Counter(k for i in items for k in i["kinds"] or ["(none)"])
    print(f"wrote {len(items)} items to {out.relative_to(ROOT)}: {dict(kinds)}")
    return 0
