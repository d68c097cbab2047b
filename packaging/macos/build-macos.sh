#!/usr/bin/env bash
# Builds Synopsis.app (PyInstaller one folder wrapped in a bundle) and a drag-to-Applications
# .dmg into packaging/out/. Runs on macOS only (hdiutil); not runnable on Linux.
#   packaging/macos/build-macos.sh
# The .app is not signed or notarised: set CODESIGN_IDENTITY to sign it with codesign.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=packaging/out
[ "$(uname)" = Darwin ] || { echo "build-macos: needs macOS (hdiutil)" >&2; exit 1; }

PY=.venv/bin/python
[ -x "$PY" ] || python3 -m venv .venv
"$PY" -m pip install -q --upgrade pip
"$PY" -m pip install -q -e . 'pyinstaller>=6.5'

start=$(date +%s)
rm -rf "$OUT/dist" "$OUT/build" "$OUT/icons" "$OUT/dmg"
"$PY" resources/render_icons.py "$OUT/icons"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/build" packaging/synopsis.spec
app="$OUT/dist/Synopsis.app"
"$app/Contents/MacOS/synopsis" --version

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --sign "$CODESIGN_IDENTITY" "$app"
fi

version=$("$PY" packaging/appinfo.py version)
dmg="$OUT/Synopsis-$version-$(uname -m).dmg"
mkdir -p "$OUT/dmg"
cp -R "$app" "$OUT/dmg/"
ln -s /Applications "$OUT/dmg/Applications"
rm -f "$dmg"
hdiutil create -volname "Synopsis $version" -srcfolder "$OUT/dmg" -ov -format UDZO "$dmg"
rm -rf "$OUT/dmg"

echo "build-macos: app $app ($(du -sm "$app" | cut -f1) MB)"
echo "build-macos: dmg $dmg ($(du -sm "$dmg" | cut -f1) MB)"
echo "build-macos: time $(( $(date +%s) - start )) s"
