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
# Debug symbols only: libpython and the standard library's extensions come with them (~25 MB).
# (Not a blanket strip: that breaks auditwheel-repaired libraries such as numpy's OpenBLAS.)
if command -v strip >/dev/null; then
  strip --strip-debug "$OUT/dist/synopsis/_internal/"libpython3*.so* \
    "$OUT/dist/synopsis/_internal/"python3*/lib-dynload/*.so
fi
frozen=$(date +%s.%N)

deb=$("$PY" packaging/make_deb.py "$OUT/dist/synopsis" "$OUT/icons" "$OUT")
rm -rf "$OUT/deb-root"
end=$(date +%s.%N)

"$OUT/dist/synopsis/synopsis" --version >/dev/null  # the frozen program starts at all
folder_mb=$(du -sm "$OUT/dist/synopsis" | cut -f1)
deb_mb=$(awk -v b="$(stat -c %s "$deb")" 'BEGIN { printf "%.1f", b / 1048576 }')
printf 'build-linux: app  %s (%s MB)\n' "$OUT/dist/synopsis" "$folder_mb"
printf 'build-linux: deb  %s (%s MB)\n' "$deb" "$deb_mb"
awk -v s="$start" -v f="$frozen" -v e="$end" \
  'BEGIN { printf "build-linux: time %.1f s (freeze %.1f s, deb %.1f s)\n", e - s, f - s, e - f }'
