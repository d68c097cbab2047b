"""The installers' recipes, checked fast: the .deb layout and control file, the NSIS script
compiled against a placeholder payload, and the version read from one place."""
from __future__ import annotations

import ast
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import synopsis

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_DEPENDS = ("libc6 (>= 2.34)", "libgl1", "libegl1", "libfontconfig1", "libxkbcommon0",
                    "libdbus-1-3", "libglib2.0-0", "fonts-dejavu-core", "ca-certificates")


@pytest.fixture(scope="module")
def rendered_icons(qapp, icons, tmp_path_factory):
    out = tmp_path_factory.mktemp("icons")
    icons.render_all(out)
    return out


@pytest.fixture
def fake_app(tmp_path):
    """A stand-in for PyInstaller's folder: the program and one library file."""
    app = tmp_path / "dist" / "synopsis"
    (app / "_internal").mkdir(parents=True)
    (app / "synopsis").write_text("#!/bin/sh\necho synopsis\n")
    (app / "synopsis").chmod(0o700)
    (app / "_internal" / "data.txt").write_text("x")
    (app / "_internal" / "data.txt").chmod(0o600)
    return app


def control_fields(text: str) -> dict[str, str]:
    fields, key = {}, None
    for line in text.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def test_version_comes_from_the_package(appinfo):
    assert appinfo.version() == synopsis.__version__


@pytest.mark.parametrize("given, quad", [("0.1.0", "0.1.0.0"), ("1.2rc1", "1.2.0.0"),
                                         ("2", "2.0.0.0"), ("1.2.3.4.5", "1.2.3.4")])
def test_windows_version_has_four_numbers(appinfo, given, quad):
    assert appinfo.numeric_version(given) == quad


def test_no_packaging_file_repeats_the_version():
    files = [p for folder in ("packaging", "resources", ".github")
             for p in (ROOT / folder).rglob("*")
             if p.is_file() and "out" not in p.relative_to(ROOT).parts and p.suffix not in {".pyc"}]
    assert files
    pattern = re.compile(rf"(?<![\d.]){re.escape(synopsis.__version__)}(?![\d.])")
    repeated = [str(p.relative_to(ROOT)) for p in files
                if pattern.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert not repeated, f"version {synopsis.__version__} hard-coded in {repeated}"


def test_deb_tree_has_the_app_launcher_entry_icons_and_metainfo(make_deb, icons, fake_app,
                                                                rendered_icons, tmp_path):
    tree = tmp_path / "root"
    make_deb.stage(fake_app, rendered_icons, tree, synopsis.__version__, "amd64", dt.date(2026, 1, 2))
    program = tree / "opt" / "synopsis" / "synopsis"
    assert program.stat().st_mode & 0o777 == 0o755
    assert (tree / "opt/synopsis/_internal/data.txt").stat().st_mode & 0o777 == 0o644
    launcher = tree / "usr" / "bin" / "synopsis"
    assert launcher.is_symlink() and os.readlink(launcher) == "/opt/synopsis/synopsis"
    share = tree / "usr" / "share"
    assert (share / "applications" / "synopsis.desktop").is_file()
    for size in icons.HICOLOR_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "synopsis.png").is_file()
    assert (share / "metainfo" / f"{make_deb.APP_ID}.metainfo.xml").is_file()
    assert (share / "doc" / "synopsis" / "copyright").read_text() == (ROOT / "LICENSE").read_text()
    assert not (tree / "DEBIAN" / "postrm").exists()  # nothing to clean up by hand

    fields = control_fields((tree / "DEBIAN" / "control").read_text())
    assert fields["Package"] == "synopsis"
    assert fields["Version"] == synopsis.__version__
    assert fields["Architecture"] == "amd64"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert all(d in depends for d in REQUIRED_DEPENDS), depends
    assert int(fields["Installed-Size"]) > 0


def test_the_package_declares_every_library_the_bundle_leaves_to_the_system(make_deb):
    fields = control_fields(make_deb.control(synopsis.__version__, "amd64", 1))
    declared = {name: {item.split()[0] for item in fields[name].split(", ")}
                for name in ("Depends", "Recommends")}
    assert set(make_deb.system_libs.DEPENDS) <= declared["Depends"], declared
    assert set(make_deb.system_libs.RECOMMENDS) <= declared["Recommends"], declared
    assert len(make_deb.system_libs.sonames()) == sum(
        len(names) for table in (make_deb.system_libs.DEPENDS, make_deb.system_libs.RECOMMENDS)
        for names in table.values())  # each library under one package only


def _installed_depends() -> dict[str, set[str]]:
    """Each installed package's dependencies (first of each alternative), from dpkg's database."""
    listing = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Pre-Depends}, ${Depends}\n"],
                             capture_output=True, text=True, check=True).stdout
    return {package: {item.split("|")[0].split()[0].split(":")[0]
                      for item in depends.split(",") if item.strip()}
            for package, depends in (line.split("\t") for line in listing.splitlines())}


def _brought_by(package: str, depends: dict[str, set[str]]) -> set[str]:
    found, todo = set(), [package]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(depends.get(name, ()))
    return found


@pytest.mark.packaging
def test_each_library_left_to_the_system_comes_with_the_package_named_for_it(make_deb):
    # Debian (the build machine): the package that owns each library must be the one named for
    # it in system_libs.py, or one that package depends on
    depends = _installed_depends()
    tables = (make_deb.system_libs.DEPENDS, make_deb.system_libs.RECOMMENDS)
    names = sorted(make_deb.system_libs.sonames())
    owned = subprocess.run(["dpkg-query", "-S", *(f"*/{name}" for name in names)],
                           capture_output=True, text=True, check=True).stdout
    owners = {name: {line.split(":")[0] for line in owned.splitlines()
                     if line.endswith("/" + name) and "-dev" not in line} for name in names}
    for package, libraries in (item for table in tables for item in table.items()):
        brought = _brought_by(package, depends)
        for name in libraries:
            assert owners[name] & brought, f"{name}: owned by {owners[name]}, not brought by {package}"


def test_deb_builds_and_lists_the_launcher(make_deb, fake_app, rendered_icons, tmp_path):
    tree = tmp_path / "root"
    make_deb.stage(fake_app, rendered_icons, tree, synopsis.__version__, "amd64", dt.date(2026, 1, 2))
    deb = tmp_path / "x.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(tree), str(deb)],
                   check=True, capture_output=True)
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], check=True, capture_output=True,
                             text=True).stdout
    assert "./usr/bin/synopsis -> /opt/synopsis/synopsis" in listing
    assert "root/root" in listing and "./usr/share/applications/synopsis.desktop" in listing
    version = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], check=True,
                             capture_output=True, text=True).stdout.strip()
    assert version == synopsis.__version__


def test_deb_staging_refuses_a_folder_without_the_program(make_deb, rendered_icons, tmp_path):
    with pytest.raises(SystemExit, match="no 'synopsis' program"):
        make_deb.stage(tmp_path, rendered_icons, tmp_path / "root", "1", "amd64", dt.date.today())


def _makensis(appinfo, payload: Path, icon: Path, out: Path, tmp_path: Path):
    defines = tmp_path / "version.nsh"
    defines.write_text(appinfo.nsis_defines(appinfo.version()), encoding="utf-8")
    return subprocess.run(
        ["makensis", "-V2", "-WX", f"-DPAYLOAD={payload}", f"-DICON={icon}",
         f"-DDEFINES={defines}", f"-DOUTFILE={out}", "synopsis.nsi"],
        cwd=ROOT / "packaging" / "windows", capture_output=True, text=True)


def test_nsis_installer_compiles_with_the_package_version(appinfo, rendered_icons, tmp_path):
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    for exe in ("synopsis.exe", "synopsis-gui.exe"):
        (payload / exe).write_bytes(b"MZ placeholder")
    (payload / "_internal" / "data.txt").write_text("x")
    out = tmp_path / "synopsis-installer.exe"
    result = _makensis(appinfo, payload, rendered_icons / "synopsis.ico", out, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    # The version resource (UTF-16) carries the version defined in the package.
    assert synopsis.__version__.encode("utf-16-le") in data


def test_nsis_installer_refuses_a_missing_payload(appinfo, rendered_icons, tmp_path):
    result = _makensis(appinfo, tmp_path / "absent", rendered_icons / "synopsis.ico",
                       tmp_path / "x-installer.exe", tmp_path)
    assert result.returncode != 0
    assert "no files found" in result.stdout + result.stderr


def test_nsis_script_offers_open_with_without_taking_defaults():
    script = (ROOT / "packaging" / "windows" / "synopsis.nsi").read_text(encoding="utf-8")
    installs = re.findall(r'!insertmacro OpenWith "(\.\w+)"', script)
    removes = re.findall(r'!insertmacro UnOpenWith "(\.\w+)"', script)
    assert {".txt", ".html", ".docx"} <= set(installs) and sorted(installs) == sorted(removes)
    # A default handler would be written to HKxx\Software\Classes\.ext itself ("" value).
    assert not re.search(r'WriteRegStr HK\w+ "Software\\Classes\\\.\w+" ""', script)
    assert "WriteUninstaller" in script and "$SMPROGRAMS" in script


def test_release_workflow_builds_each_system_on_a_tag_and_uploads_it():
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert re.search(r"on:\s+push:\s+tags: \[\"v\*\"\]", text)
    jobs = re.split(r"\n  (?=\w+:\n)", text.split("\njobs:\n", 1)[1])
    by_name = {job.split(":", 1)[0].strip(): job for job in jobs}
    for name, runner, script in (("linux", "ubuntu", "packaging/build-linux.sh"),
                                 ("windows", "windows", "build-windows.ps1"),
                                 ("macos", "macos", "packaging/macos/build-macos.sh")):
        job = by_name[name]
        assert f"runs-on: {runner}" in job and script in job, name
        assert "actions/upload-artifact" in job and "if-no-files-found: error" in job, name
    assert "packaging/smoke-test.sh" in by_name["linux"]


def test_glibc_floor_is_what_the_bundle_needs(make_deb, fake_app, tmp_path):
    assert make_deb.newest({"2.34", "2.4", "2.36", "2.3.4"}) == "2.36"
    assert make_deb.glibc_needed(fake_app) == make_deb.MIN_GLIBC  # no ELF files: the floor
    if shutil.which("objdump"):
        shutil.copy(sys.executable, fake_app / "_internal" / "python-copy")
        needed = make_deb.glibc_needed(fake_app)
        assert make_deb.newest({needed, make_deb.MIN_GLIBC}) == needed
        fields = control_fields(make_deb.control("1", "amd64", 1, needed))
        assert fields["Depends"].startswith(f"libc6 (>= {needed}), ")


def _spec_excludes() -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "synopsis.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXCLUDES":
            return ast.literal_eval(node.value)
    raise AssertionError("no EXCLUDES in synopsis.spec")


def test_the_frozen_app_leaves_out_nothing_the_package_imports():
    excludes = _spec_excludes()
    assert "tkinter" in excludes and "PySide6.QtWebEngineCore" in excludes
    imported = set()
    for path in (ROOT / "desktop" / "synopsis").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {(alias.name, path.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add((node.module, path.name))
    clashes = sorted((module, where) for module, where in imported for excluded in excludes
                     if module == excluded or module.startswith(excluded + "."))
    assert not clashes, f"imported by the app but excluded from the frozen build: {clashes}"
