"""What the fact layer adds to a comparison, in machine instructions (a figure that does not
drift with the machine's speed, unlike the timings of run_facts.py).

Runs one cold ``compare()`` of a pair with facts off and one with facts on, each in its own
process under valgrind's lackey tool, and a third process that only loads the pair; every
process first compares the seed pair once, so that the regular expressions are compiled. The
fact layer's share is (on − off) / (off − load). Needs valgrind; each run of the 2,000-line
pair takes several minutes.

    .venv/bin/python benchmarks/fact_instructions.py [seed|wmt]
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA", ROOT.parent / "shared" / "data"))
SEED = ROOT / "seeds" / "bbc-witkoff-putin-talks.txt", ROOT / "seeds" / "translated-witkoff-putin-talks.txt"
WMT = (DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende" / "wmt19-ende-ar.ref",
       DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende" / "wmt19-ende-arp.ref")


def _child(pair: str, mode: str) -> None:
    sys.path.insert(0, str(ROOT / "desktop"))
    from synopsis.core import facts
    from synopsis.core.config import Settings
    from synopsis.core.ingest import load
    from synopsis.core.annotate import IN_PROCESS
    from synopsis.runtime import compare      # (the collector paused, as the command line runs it)
    compare(load(SEED[0]), load(SEED[1]), Settings(facts=True), facts=IN_PROCESS)     # patterns compiled
    facts.clear_cache()
    path_a, path_b = WMT if pair == "wmt" else SEED
    a, b = load(path_a), load(path_b)
    if mode != "load":      # all of the fact layer in this process, where valgrind counts it
        compare(a, b, Settings(facts=mode == "on"), facts=IN_PROCESS)


def _instructions(pair: str, mode: str) -> int:
    run = subprocess.run(["valgrind", "--tool=lackey", "--basic-counts=yes", sys.executable, __file__,
                          "--child", pair, mode], capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"}, check=True)
    found = re.search(r"guest instrs:\s*([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
        return 0
    pair = sys.argv[1] if len(sys.argv) > 1 else "seed"
    load, off, on = (_instructions(pair, mode) for mode in ("load", "off", "on"))
    print(f"{pair}: compare() {(off - load) / 1e6:.0f} M instructions without facts, "
          f"{(on - load) / 1e6:.0f} M with; the fact layer adds {(on - off) / (off - load):+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
