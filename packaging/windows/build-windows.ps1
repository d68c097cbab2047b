# Builds the Windows app (PyInstaller one folder: synopsis.exe for the console, synopsis-gui.exe
# windowed) and its installer (NSIS) into packaging\out\. Run on Windows from the repository root
# or anywhere:  powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Needs Python 3.11+ and NSIS (makensis on PATH, e.g. `choco install nsis`).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$out = "packaging\out"

function Run($exe) {
    & $exe @args
    if ($LASTEXITCODE -ne 0) { throw "$exe $args failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path ".venv\Scripts\python.exe")) { Run python -m venv .venv }
$py = ".venv\Scripts\python.exe"
Run $py -m pip install -q --upgrade pip
Run $py -m pip install -q -e . "pyinstaller>=6.5"

$start = Get-Date
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "$out\dist", "$out\build", "$out\icons"
Run $py resources\render_icons.py "$out\icons"
Run $py -m PyInstaller --noconfirm --log-level WARN --distpath "$out\dist" --workpath "$out\build" packaging\synopsis.spec
Run "$out\dist\synopsis\synopsis.exe" --version

Run $py packaging\appinfo.py nsis "$out\version.nsh"
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
Run $makensis /V2 /WX packaging\windows\synopsis.nsi

$version = & $py packaging\appinfo.py version
$setup = Get-Item "$out\synopsis-$version-setup.exe"
$size = (Get-ChildItem -Recurse "$out\dist\synopsis" | Measure-Object -Property Length -Sum).Sum
"build-windows: app  $out\dist\synopsis ({0:N0} MB)" -f ($size / 1MB)
"build-windows: setup $($setup.FullName) ({0:N1} MB)" -f ($setup.Length / 1MB)
"build-windows: time {0:N1} s" -f ((Get-Date) - $start).TotalSeconds
