#!/usr/bin/env bash
# Builds the standalone Linux app (PyInstaller one folder) and its .deb into packaging/out/.
# Run from a clone after `bash scripts/setup` (which creates .venv). Prints what it measured.
#   packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=packaging/out
# One build or smoke test at a time per checkout (they share packaging/out and the installed
# package); a caller that already holds the lock (the pytest test) sets SYNOPSIS_PACKAGING_LOCKED.
if [ -z "${SYNOPSIS_PACKAGING_LOCKED:-}" ] && command -v flock >/dev/null; then
  mkdir -p packaging/out
  exec 9>packaging/out/.lock
  flock 9
  export SYNOPSIS_PACKAGING_LOCKED=1
fi
PY=.venv/bin/python

if [ ! -x "$PY" ]; then
  echo "build-linux: .venv missing; run 'bash scripts/setup' first" >&2
  exit 1
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build-linux: installing PyInstaller into .venv"
  "$PY" -m pip install -q 'pyinstaller>=6.5'
fi
command -v dpkg-deb >/dev/null || { echo "build-linux: dpkg-deb not found" >&2; exit 1; }

export QT_QPA_PLATFORM=offscreen LANG=${LANG:-C.UTF-8}
start=$(date +%s.%N)
rm -rf "$OUT/dist" "$OUT/build" "$OUT/icons" "$OUT/deb-root" "$OUT"/*.deb
mkdir -p "$OUT"

"$PY" resources/render_icons.py "$OUT/icons"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" packaging/synopsis.spec
# ICU's formatting data Qt never reads (~15 MB); without icu-devtools the full data stays.
icudata=$(find "$OUT/dist/synopsis/_internal" -name 'libicudata.so.*' -type f | head -1)
if [ -n "$icudata" ]; then
  "$PY" packaging/trim_icu.py "$icudata" || echo "build-linux: keeping the full ICU data" >&2
fi
# Symbols nothing links against: libpython, the standard library's extensions, numpy's and
# ICU's libraries come with them (about 30 MB in all). numpy.libs is left alone: stripping its
# auditwheel-repaired OpenBLAS breaks it.
if command -v strip >/dev/null; then
  find "$OUT/dist/synopsis/_internal" -path '*/numpy.libs' -prune -o -type f -name '*.so*' \
    -exec strip --strip-unneeded {} +
fi
frozen=$(date +%s.%N)

deb=$("$PY" packaging/make_deb.py "$OUT/dist/synopsis" "$OUT/icons" "$OUT")
rm -rf "$OUT/deb-root"
end=$(date +%s.%N)

"$OUT/dist/synopsis/synopsis" --version >/dev/null  # the frozen program starts at all
# Decimal megabytes (10^6 bytes, as the size targets are stated) and MiB for du -sm users.
folder_b=$(du -sb "$OUT/dist/synopsis" | cut -f1)
deb_b=$(stat -c %s "$deb")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB, %.1f MiB", b / 1e6, b / 1048576 }'; }
printf 'build-linux: app  %s (%s)\n' "$OUT/dist/synopsis" "$(mb "$folder_b")"
printf 'build-linux: deb  %s (%s)\n' "$deb" "$(mb "$deb_b")"
awk -v s="$start" -v f="$frozen" -v e="$end" \
  'BEGIN { printf "build-linux: time %.1f s (freeze %.1f s, deb %.1f s)\n", e - s, f - s, e - f }'
