"""The product's identity: desktop entry, AppStream metainfo, and the icon rendered from its SVG."""
from __future__ import annotations

import configparser
import datetime as dt
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import synopsis

RESOURCES = Path(__file__).resolve().parents[2] / "resources"

DESKTOP = RESOURCES / "synopsis.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_opens_the_window_with_the_files_given(icons):
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == synopsis.APP_NAME
    assert entry["Exec"].split() == ["synopsis", "gui", "%F"]
    assert entry["Icon"] == icons.ICON_NAME
    assert entry["Terminal"] == "false"
    for key in ("Categories", "MimeType", "Keywords"):
        assert entry[key].endswith(";"), key
    assert all("/" in mime for mime in entry["MimeType"].rstrip(";").split(";"))
    assert "text/plain" in entry["MimeType"].split(";")


def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_names_the_same_app_desktop_entry_and_icon(appinfo, icons):
    root = ET.parse(RESOURCES / f"{appinfo.APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == appinfo.APP_ID
    assert root.findtext("name") == synopsis.APP_NAME
    assert root.findtext("project_license") == "MIT"
    assert (RESOURCES / root.findtext("launchable")).is_file()
    assert root.findtext("icon") == icons.ICON_NAME
    assert root.find("provides/binary").text == "synopsis"
    # The version is defined once, in the package: the committed file carries no release.
    assert root.find("releases") is None


def test_packaged_metainfo_carries_the_package_version(make_deb, tmp_path):
    text = make_deb.metainfo(synopsis.__version__, dt.date(2026, 1, 2))
    release = ET.fromstring(text).find("releases/release")
    assert release.get("version") == synopsis.__version__
    assert release.get("date") == "2026-01-02"
    if shutil.which("appstreamcli"):
        path = tmp_path / f"{make_deb.APP_ID}.metainfo.xml"
        path.write_text(text, encoding="utf-8")
        result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def _image(data: bytes):
    from PySide6.QtGui import QImage

    image = QImage()
    assert image.loadFromData(data), "not a readable image"
    return image


@pytest.mark.parametrize("size", [16, 48, 256])
def test_icon_renders_with_transparent_corners_and_the_amber_band(qapp, icons, size):
    image = _image(icons.render_png(size))
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(0, 0).alpha() < 16  # rounded tile: the corners stay (nearly) clear
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    colours = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
    amber = [c for c in colours if c.red() > 200 and 120 < c.green() < 200 and c.blue() < 80]
    page = [c for c in colours if min(c.red(), c.green(), c.blue()) > 150]  # paper and its lines
    # Still readable at 16 px: the two pages and the band are there, not a blur.
    assert len(amber) >= size * size // 40
    assert len(page) >= size * size // 4


def test_render_all_writes_every_hicolor_size_and_the_platform_icons(qapp, icons, tmp_path):
    written = icons.render_all(tmp_path)
    for size in icons.HICOLOR_SIZES:
        path = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "synopsis.png"
        assert path in written
        assert _image(path.read_bytes()).width() == size
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "synopsis.svg").read_bytes() == \
        (RESOURCES.parent / "desktop" / "synopsis" / "resources" / "synopsis.svg").read_bytes()
    assert _image((tmp_path / "synopsis.ico").read_bytes()).width() > 0  # Qt's ICO reader agrees


def test_ico_directory_points_at_each_png(icons):
    pngs = {16: PNG_SIGNATURE + b"a" * 10, 256: PNG_SIGNATURE + b"b" * 30}
    data = icons.ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)
    for index, size in enumerate(sorted(pngs)):
        w, h, _, _, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert (w or 256, h or 256) == (size, size)
        assert (planes, bpp) == (1, 32)
        assert data[offset:offset + length] == pngs[size]


def test_icns_elements_cover_the_file(icons):
    pngs = {size: PNG_SIGNATURE + bytes([size % 251]) * 5 for _, size in icons.ICNS_TYPES}
    data = icons.icns_bytes(pngs)
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    position, kinds = 8, []
    while position < len(data):
        kind, length = data[position:position + 4], struct.unpack_from(">I", data, position + 4)[0]
        assert data[position + 8:position + 16] == PNG_SIGNATURE
        kinds.append(kind)
        position += length
    assert position == len(data)
    assert kinds == [kind for kind, _ in icons.ICNS_TYPES]
