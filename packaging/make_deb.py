"""Stage the one-folder app, launcher, desktop entry, icons and AppStream data into a .deb.

    python packaging/make_deb.py APP_DIR ICONS_DIR OUT_DIR

The layout: the app in ``/opt/synopsis``, ``/usr/bin/synopsis`` a symlink to it, the desktop
entry, hicolor icons and metainfo under ``/usr/share``. The icon cache and desktop database are
refreshed by the file triggers of ``hicolor-icon-theme`` and ``desktop-file-utils``, so the
package needs no maintainer scripts, and removing it leaves nothing behind (the frozen app
writes nothing into its own folder).
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from appinfo import APP_ID, PACKAGE, ROOT, version  # noqa: E402
import system_libs  # noqa: E402

RESOURCES = ROOT / "resources"
MIN_GLIBC = "2.34"
# libgl1, libegl1: Qt's OpenGL loaders (never bundled); the system libraries the bundle leaves
# out (system_libs.py); ca-certificates: the trusted authorities the bundled OpenSSL reads for
# https sources
DEPENDS = ", ".join(["libgl1", "libegl1", *system_libs.DEPENDS, "fonts-dejavu-core", "ca-certificates"])
# Qt's xcb plugin (a window on X11) loads these; offscreen and Wayland do not, so recommended only.
RECOMMENDS = ", ".join(system_libs.RECOMMENDS)
DESCRIPTION = """\
compare news articles passage by passage
 Synopsis puts two news articles side by side and shows which passages are the
 same words (shared), the same statement reworded (paraphrased) or only in one
 source (unique), and which facts changed inside each matched pair: numbers,
 names, dates, quotes, attributions and negations. It runs fully offline."""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def glibc_needed(app: Path) -> str:
    """The newest GLIBC symbol version any file in the bundle asks for (at least MIN_GLIBC).

    PyInstaller copies the build machine's libraries (libstdc++, libexpat…), so the .deb can
    only promise the C library of the machine it was built on, or older if nothing needs more.
    """
    files = [str(p) for p in app.rglob("*") if p.is_file() and not p.is_symlink()
             and (".so" in p.name or os.access(p, os.X_OK))]
    found = {MIN_GLIBC}
    for start in range(0, len(files), 200):
        result = subprocess.run(["objdump", "-T", *files[start:start + 200]],
                                capture_output=True, text=True)
        found |= set(re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", result.stdout))
    return newest(found)


def newest(versions: set[str]) -> str:
    """The highest dotted version, compared numerically (2.36 > 2.4)."""
    return max(versions, key=lambda v: tuple(int(n) for n in v.split(".")))


def metainfo(ver: str, date: dt.date) -> str:
    """The committed metainfo with this release added (the version lives only in the package)."""
    text = (RESOURCES / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    release = f'  <releases>\n    <release version="{ver}" date="{date.isoformat()}"/>\n  </releases>\n'
    return text.replace("</component>", release + "</component>")


def control(ver: str, arch: str, installed_kib: int, glibc: str = MIN_GLIBC) -> str:
    return (f"Package: {PACKAGE}\nVersion: {ver}\nArchitecture: {arch}\n"
            f"Maintainer: Synopsis contributors <synopsis@users.noreply.github.com>\n"
            f"Installed-Size: {installed_kib}\nDepends: libc6 (>= {glibc}), {DEPENDS}\nRecommends: {RECOMMENDS}\n"
            f"Section: text\n"
            f"Priority: optional\nDescription: {DESCRIPTION}\n")


def _normalise_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for everything else, whatever the umask was."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def _size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def stage(app: Path, icons: Path, tree: Path, ver: str, arch: str, date: dt.date,
          glibc: str = MIN_GLIBC) -> None:
    """Lay out the package's files under ``tree`` (which is emptied first)."""
    if not (app / PACKAGE).is_file():
        raise SystemExit(f"make_deb: {app}: no '{PACKAGE}' program; build the app first")
    if not (icons / "hicolor").is_dir():
        raise SystemExit(f"make_deb: {icons}: no rendered icons; run resources/render_icons.py")
    if tree.exists():
        shutil.rmtree(tree)
    shutil.copytree(app, tree / "opt" / PACKAGE, symlinks=True)
    (tree / "usr" / "bin").mkdir(parents=True)
    (tree / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = tree / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(RESOURCES / "synopsis.desktop", share / "applications" / "synopsis.desktop")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    (share / "metainfo").mkdir()
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo(ver, date), encoding="utf-8")
    (share / "doc" / PACKAGE).mkdir(parents=True)
    shutil.copyfile(ROOT / "LICENSE", share / "doc" / PACKAGE / "copyright")
    _normalise_modes(tree)
    (tree / "DEBIAN").mkdir()
    (tree / "DEBIAN" / "control").write_text(control(ver, arch, _size_kib(tree), glibc), encoding="utf-8")
    (tree / "DEBIAN" / "control").chmod(0o644)


def build(app: Path, icons: Path, out: Path) -> Path:
    ver, arch = version(), architecture()
    tree = out / "deb-root"
    glibc = glibc_needed(app) if shutil.which("objdump") else MIN_GLIBC
    stage(app, icons, tree, ver, arch, dt.date.today(), glibc)
    deb = out / f"{PACKAGE}_{ver}_{arch}.deb"
    # xz at its highest level: the smallest download dpkg (1.15 and later) installs; unpacking it
    # costs the installer a second or two more than zstd (benchmarks/results/packaging.md)
    compress = os.environ.get("DEB_COMPRESSION", "xz")
    level = ["-z9"] if compress == "xz" else []
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compress}", *level, "--build", str(tree), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: make_deb.py APP_DIR ICONS_DIR OUT_DIR", file=sys.stderr)
        return 2
    deb = build(Path(argv[0]), Path(argv[1]), Path(argv[2]))
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
