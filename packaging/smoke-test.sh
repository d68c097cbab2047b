#!/usr/bin/env bash
# Installs the .deb built by build-linux.sh on this machine, checks the installed app works
# (version, a comparison validated against the report schema, an English article against its
# Russian translation aligned by the bundled model, HTML/DOCX/PDF/URL sources made by
# make_fixtures.py, every export format, a screenshot of the window taken
# offscreen, desktop entry and icons), removes it and checks nothing is left. Needs root (or
# sudo) for apt-get. Exits non-zero on the first failure. Prints start-up timings.
#   packaging/smoke-test.sh [path/to/synopsis_X_arch.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# One build or smoke test at a time per checkout (they share packaging/out and the installed
# package); a caller that already holds the lock (the pytest test) sets SYNOPSIS_PACKAGING_LOCKED.
if [ -z "${SYNOPSIS_PACKAGING_LOCKED:-}" ] && command -v flock >/dev/null; then
  mkdir -p packaging/out
  exec 9>packaging/out/.lock
  flock 9
  export SYNOPSIS_PACKAGING_LOCKED=1
fi
PY=.venv/bin/python
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
APT_OPTS="-o DPkg::Lock::Timeout=300"  # wait for another apt-get rather than fail
export DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen LANG=${LANG:-C.UTF-8}

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
step() { echo "smoke-test: $*"; }
now() { date +%s%N; }
ms_since() { echo $(( ($(now) - $1) / 1000000 )); }

deb=${1:-}
if [ -z "$deb" ]; then
  shopt -s nullglob
  debs=(packaging/out/synopsis_*.deb)
  [ ${#debs[@]} -eq 1 ] || fail "expected one packaging/out/synopsis_*.deb, found ${#debs[@]}; run packaging/build-linux.sh"
  deb=${debs[0]}
fi
[ -f "$deb" ] || fail "$deb: no such file"
[ -x "$PY" ] || fail ".venv missing (the schema check uses its jsonschema); run bash scripts/setup"
version=$("$PY" packaging/appinfo.py version)
work=$(mktemp -d)
INSTALLED_PATHS=(/opt/synopsis /usr/bin/synopsis /usr/share/applications/synopsis.desktop
                 /usr/share/metainfo/io.github.synopsis.Synopsis.metainfo.xml /usr/share/doc/synopsis)

purge() { $SUDO apt-get $APT_OPTS purge -y -qq synopsis >/dev/null 2>&1 || true; }
server=""  # the local web server of the URL check, stopped by its id
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$work"; if [ "${KEEP_INSTALLED:-0}" != 1 ]; then purge; fi
}
trap cleanup EXIT

# The port a local test server printed to its log ("... port N ..."), waiting up to 5 s for it.
server_port() {
  local found=""
  for _ in $(seq 50); do
    found=$(grep -o 'port [0-9]*' "$1" | head -1 | cut -d' ' -f2) && [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 0.1
  done
  return 1
}

# Compares the files after NAME and WHAT in the installed app into $work/NAME.json (the time it
# took in $compared_ms), validates the report against the schema and runs the Python assertions
# on stdin with it as `report`.
compare_to_report() {
  local name=$1 what=$2 t
  shift 2
  t=$(now)
  (cd "$work" && synopsis compare "$@" --format json -o "$name.json") || fail "synopsis compare of $what exited $?"
  compared_ms=$(ms_since "$t")
  { printf '%s\n' "import json, sys" "import jsonschema" \
      "report = json.load(open(sys.argv[1], encoding='utf-8'))" \
      "jsonschema.validate(report, json.load(open(sys.argv[2], encoding='utf-8')))"
    cat; } | "$PY" - "$work/$name.json" docs/report.schema.json \
    || fail "the report of $what is not what it should be"
}

# What synopsis.spec and trim_icu.py leave out is absent from the installed folder, and the
# system provides every library the bundle does not carry (all but those only Qt's X11 platform
# plugin loads, which the package merely recommends).
check_left_out() {
  local internal=/opt/synopsis/_internal lib path missing
  for lib in $("$PY" -c "import sys; sys.path.insert(0, 'packaging'); import system_libs; print(*sorted(system_libs.sonames()))"); do
    [ ! -e "$internal/$lib" ] || fail "$lib is bundled, though the package depends on the system's"
  done
  for path in docx/templates/default-docx-template PySide6/Qt/translations \
      PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so PySide6/Qt/lib/libQt6Network.so.6; do
    [ ! -e "$internal/$path" ] || fail "$path is bundled, though the app never uses it"
  done
  missing=$(find "$internal" -xtype l)
  [ -z "$missing" ] || fail "links to files left out: $missing"
  # ICU's data package lists its items by name: no break rules or legacy-encoding tables left
  ! grep -aqE 'brkitr/[a-z_]+\.(brk|dict)|[A-Za-z0-9_-]+\.cnv' "$internal"/PySide6/Qt/lib/libicudata.so.* \
    || fail "libicudata still holds break rules or encoding tables: trim_icu.py did not run"
  missing=$(find "$internal" -name '*.so*' -type f ! -name 'libQt6XcbQpa.so*' ! -name 'libqxcb.so' \
              -exec env LD_LIBRARY_PATH="$internal" ldd {} + 2>/dev/null | grep 'not found' | sort -u || true)
  [ -z "$missing" ] || fail "libraries neither bundled nor on the system: $missing"
}

step "installing $deb"
dpkg-query -W -f='${Status}' synopsis 2>/dev/null | grep -q "install ok" && purge
$SUDO apt-get $APT_OPTS install -y -qq --no-install-recommends "$(realpath "$deb")" >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log" >&2; fail "apt-get install"; }
for path in "${INSTALLED_PATHS[@]}"; do [ -e "$path" ] || fail "$path missing after install"; done
[ "$(command -v synopsis)" = /usr/bin/synopsis ] || fail "synopsis is not /usr/bin/synopsis on PATH"

step "the pieces the build leaves out are absent and the system provides the libraries it does not carry"
check_left_out

step "synopsis --version"
t=$(now)
out=$(cd / && synopsis --version) || fail "synopsis --version exited $?"
version_ms=$(ms_since "$t")
[[ "$out" == *"$version"* ]] || fail "--version printed '$out', expected $version"

step "compare the seed pair to JSON and validate it against docs/report.schema.json"
compare_to_report report "the seed pair" "$ROOT/seeds/bbc-witkoff-putin-talks.txt" \
  "$ROOT/seeds/translated-witkoff-putin-talks.txt" <<'EOF'
assert report["links"], "the seed pair gave no aligned passages"
EOF
compare_ms=$compared_ms
step "compare the BBC report with its Russian translation: aligned by meaning with the bundled model"
compare_to_report translation "the English and Russian articles" "$ROOT/seeds/bbc-witkoff-putin-talks.txt" \
  "$ROOT/seeds/ru-witkoff-putin-talks.txt" <<'EOF'
how = report["comparison"]
assert how["kind"] == "translation" and how["languages"] == ["en", "ru"], how
assert how["model"]["name"] == "use-multilingual-v3" and how["model"]["version"] != "unknown", how
texts = [d["text"] for d in report["documents"]]
segments = [d["segments"] for d in report["documents"]]
def opening(side, i):
    return texts[side][segments[side][i]["start"]:segments[side][i]["end"]][:30]
pairs = {opening(0, link["a"][0]): opening(1, link["b"][0]) for link in report["links"]}
assert len(report["links"]) >= 20, f"only {len(report['links'])} pairs"
assert pairs.get("Putin said reaching a consensu", "").startswith("Путин заявил"), pairs
assert {link["translation"] for link in report["links"]} == {"faithful", "changed"}
EOF
translation_ms=$compared_ms
step "the same comparison with its fact layer in the worker process (the frozen app started again to serve)"
(cd "$work" && SYNOPSIS_FACT_WORKER=on synopsis compare "$ROOT/seeds/bbc-witkoff-putin-talks.txt" \
   "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format json -o worker.json 2>worker.err) \
  || fail "synopsis compare with the fact worker exited $?: $(cat "$work/worker.err")"
! grep -q "fact worker" "$work/worker.err" || fail "the fact worker failed: $(cat "$work/worker.err")"
"$PY" - "$work/report.json" "$work/worker.json" <<'EOF' || fail "the fact worker's facts differ from the in-process ones"
import json, sys
here, there = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:])
facts = [[link.get("facts") for link in report["links"]] for report in (here, there)]
assert sum(len(f or []) for f in facts[0]) >= 5, "the seed pair gave too few facts to compare"
assert facts[0] == facts[1]
EOF
# (the installed app's processes only: other programs on this machine may be called synopsis too)
left=$(for pid in $(pgrep -x synopsis || true); do
         if [ "$(readlink "/proc/$pid/exe" || true)" = /opt/synopsis/synopsis ]; then echo "$pid"; fi
       done)
[ -z "$left" ] || fail "a fact worker process outlived its comparison: $left"
synopsis compare "$work/missing.txt" "$ROOT/seeds/geneva-round.txt" >"$work/err.txt" 2>&1 && fail "a missing file was accepted"
[ "$(wc -l <"$work/err.txt")" -eq 1 ] && grep -q "missing.txt" "$work/err.txt" \
  || fail "a missing file did not give one line naming it: $(cat "$work/err.txt")"

step "HTML, DOCX, PDF, http and https sources, and every export format (a module left out fails here)"
"$PY" packaging/make_fixtures.py "$ROOT/seeds/bbc-witkoff-putin-talks.txt" "$work/fixtures" >/dev/null \
  || fail "could not make the HTML/DOCX/PDF fixtures"
for kind in html docx pdf; do
  (cd "$work" && synopsis compare "fixtures/bbc-witkoff-putin-talks.$kind" \
     "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format json -o "$kind.json" >/dev/null 2>"$kind.err") \
    || fail "synopsis compare of a .$kind source exited non-zero: $(cat "$work/$kind.err")"
  "$PY" - "$work/$kind.json" "$kind" <<'EOF' || fail "the .$kind source was not read as expected"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
document = report["documents"][0]
assert document["format"] == sys.argv[2], f"read as {document['format']}"
assert len(document["text"].split()) >= 150, f"only {len(document['text'].split())} words"
assert "Witkoff" in document["text"], "the article text is missing"
assert report["links"], "no aligned passages"
EOF
done
# A URL source: the HTML fixture served on a free local port (http; no network needed).
"$PY" -u -m http.server 0 --bind 127.0.0.1 --directory "$work/fixtures" >"$work/http.log" 2>&1 &
server=$!
port=$(server_port "$work/http.log") || fail "the local web server for the URL check did not start"
(cd "$work" && synopsis compare "http://127.0.0.1:$port/bbc-witkoff-putin-talks.html" \
   "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format json -o url.json >/dev/null 2>"url.err") \
  || fail "synopsis compare of a URL exited non-zero: $(cat "$work/url.err")"
"$PY" -c "import json, sys; d = json.load(open(sys.argv[1]))['documents'][0]; \
assert d['format'] == 'html' and d['source'].startswith('http') and 'Witkoff' in d['text'], d['source']" \
  "$work/url.json" || fail "the URL source was not read as expected"
kill "$server" 2>/dev/null; server=""
# An https source: a certificate authority made here signs the local server's certificate. The
# frozen app must complete the TLS handshake and verify the chain (given the authority through
# the standard SSL_CERT_FILE), and refuse the same server, in one line, when it does not trust it.
tls="$work/tls"
mkdir -p "$tls"
(cd "$tls" && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
   -subj "/CN=Synopsis smoke-test authority" \
 && openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" \
 && printf 'subjectAltName=IP:127.0.0.1\n' >server.ext \
 && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
   -extfile server.ext -out server.pem) >"$tls/openssl.log" 2>&1 || fail "could not make the test certificates"
"$PY" -u -c "
import functools, http.server, ssl, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
httpd = http.server.HTTPServer(('127.0.0.1', 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[2], sys.argv[3])
httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
print('port', httpd.server_address[1], flush=True)
httpd.serve_forever()" "$work/fixtures" "$tls/server.pem" "$tls/server.key" >"$work/https.log" 2>&1 &
server=$!
port=$(server_port "$work/https.log") || fail "the local https server did not start: $(cat "$work/https.log")"
page="https://127.0.0.1:$port/bbc-witkoff-putin-talks.html"
(cd "$work" && SSL_CERT_FILE="$tls/ca.pem" synopsis compare "$page" \
   "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format json -o https.json >/dev/null 2>"https.err") \
  || fail "synopsis compare of an https address exited non-zero: $(cat "$work/https.err")"
"$PY" -c "import json, sys; d = json.load(open(sys.argv[1]))['documents'][0]; \
assert d['source'].startswith('https://') and 'Witkoff' in d['text'], d['source']" \
  "$work/https.json" || fail "the https source was not read as expected"
if (cd "$work" && env -u SSL_CERT_FILE -u SSL_CERT_DIR synopsis compare "$page" \
      "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format json -o untrusted.json >/dev/null 2>"untrusted.err"); then
  fail "an https server signed by an unknown authority was trusted"
fi
[ "$(wc -l <"$work/untrusted.err")" -eq 1 ] && grep -q "CERTIFICATE_VERIFY_FAILED\|certificate" "$work/untrusted.err" \
  || fail "an untrusted certificate should be one line naming the problem, got: $(cat "$work/untrusted.err")"
[ ! -e "$work/untrusted.json" ] || fail "a failed load still wrote a report"
kill "$server" 2>/dev/null; server=""
formats=$("$PY" -c "import sys; sys.path.insert(0, 'desktop'); from synopsis.export import formats; print(*formats())") \
  || fail "could not list the export formats"
for format in $formats; do
  (cd "$work" && synopsis compare "$ROOT/seeds/bbc-witkoff-putin-talks.txt" \
     "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format "$format" -o "export.$format" >/dev/null 2>&1) \
    || fail "export to $format exited non-zero"
  [ -s "$work/export.$format" ] || fail "export to $format wrote nothing"
done
formats=$("$PY" -c "import sys; sys.path.insert(0, 'desktop'); from synopsis.export import formats; print(*formats('collection'))") \
  || fail "could not list the collection formats"
for format in $formats; do
  (cd "$work" && synopsis compare "$ROOT/seeds/bbc-witkoff-putin-talks.txt" "$ROOT/seeds/geneva-round.txt" \
     "$ROOT/seeds/translated-witkoff-putin-talks.txt" --format "$format" -o "collection.$format" >/dev/null 2>&1) \
    || fail "collection export to $format exited non-zero"
  [ -s "$work/collection.$format" ] || fail "collection export to $format wrote nothing"
done

step "synopsis gui … --screenshot (offscreen)"
synopsis gui --help >/dev/null 2>&1 || fail "the installed build has no 'synopsis gui' command"
t=$(now)
(cd "$work" && synopsis gui "$ROOT/seeds/bbc-witkoff-putin-talks.txt" \
   "$ROOT/seeds/translated-witkoff-putin-talks.txt" --screenshot shot.png --size 1280x800) \
  || fail "synopsis gui --screenshot exited $?"
gui_ms=$(ms_since "$t")
"$PY" - "$work/shot.png" <<'EOF' || fail "the screenshot is not a plausible picture of the window"
import sys
from PySide6.QtGui import QGuiApplication, QImage
app = QGuiApplication([])
image = QImage(sys.argv[1])
assert not image.isNull(), "not an image"
assert image.width() >= 640 and image.height() >= 400, f"too small: {image.width()}x{image.height()}"
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
assert len(colours) >= 16, f"only {len(colours)} colours: blank or nearly blank"
EOF

step "desktop entry and icons"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/synopsis.desktop || fail "desktop entry invalid"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/io.github.synopsis.Synopsis.metainfo.xml >/dev/null \
    || fail "installed metainfo does not validate"
fi
for size in 16 32 48 128 256 512; do
  [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/synopsis.png" ] || fail "no ${size}px icon"
done

step "removing the package"
$SUDO apt-get $APT_OPTS purge -y -qq synopsis >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get purge"; }
for path in "${INSTALLED_PATHS[@]}"; do [ ! -e "$path" ] && [ ! -L "$path" ] || fail "$path left after removal"; done
left=$(find /usr/share/icons/hicolor -name 'synopsis.*' 2>/dev/null | head -3)
[ -z "$left" ] || fail "icons left after removal: $left"

printf 'smoke-test: timings: --version %d ms, compare %d ms, compare en/ru by meaning %d ms, gui to screenshot %d ms\n' \
  "$version_ms" "$compare_ms" "$translation_ms" "$gui_ms"
step "OK ($deb)"
