"""Shared libraries the Linux bundle leaves to the system, and the Debian packages that bring them.

PyInstaller copies every library a bundled binary links, from the build machine. For Qt that is
GLib, fontconfig and FreeType, D-Bus (and through libsystemd, libgcrypt and the compressors), X11
and the xcb utility libraries: about 10 MB that the PySide6 wheel itself does not carry (a
pip-installed Qt loads them from the system). The .deb depends on the packages that provide them,
so dpkg guarantees them and the bundled copies were only older duplicates shadowing the system's.
``synopsis.spec`` leaves them out and ``make_deb.py`` declares the packages. The libraries the
Python runtime's own extension modules link (OpenSSL, SQLite, zlib, liblzma, libffi, libbz2,
libuuid) and the C++ runtime stay in the bundle.

Each package maps to the sonames it brings: its own, and those of its dependencies that only it
pulls in for us (``libx11-6`` brings libxcb's ``libXau`` and ``libXdmcp`` with it).
"""
from __future__ import annotations

# Needed by every start (Qt Core, Gui and Widgets, the offscreen and Wayland platforms): Depends.
DEPENDS: dict[str, tuple[str, ...]] = {
    "libglib2.0-0": ("libglib-2.0.so.0", "libgthread-2.0.so.0", "libpcre2-8.so.0"),
    "libfontconfig1": ("libfontconfig.so.1", "libexpat.so.1"),
    "libfreetype6": ("libfreetype.so.6", "libpng16.so.16", "libbrotlidec.so.1",
                     "libbrotlicommon.so.1"),
    "libdbus-1-3": ("libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0",
                    "liblz4.so.1", "libcap.so.2"),
    "libzstd1": ("libzstd.so.1",),
    "libx11-6": ("libX11.so.6", "libXau.so.6", "libXdmcp.so.6", "libbsd.so.0", "libmd.so.0"),
    "libxkbcommon0": ("libxkbcommon.so.0",),
}

# Loaded only by Qt's xcb platform plugin (a window on an X11 desktop): Recommends.
RECOMMENDS: dict[str, tuple[str, ...]] = {
    "libx11-xcb1": ("libX11-xcb.so.1",),
    "libxkbcommon-x11-0": ("libxkbcommon-x11.so.0",),
    **{f"libxcb-{name}{abi}": (f"libxcb-{name}.so.{abi}",) for name, abi in (
        ("cursor", 0), ("icccm", 4), ("image", 0), ("keysyms", 1), ("randr", 0),
        ("render-util", 0), ("render", 0), ("shape", 0), ("shm", 0), ("sync", 1), ("util", 1),
        ("xfixes", 0), ("xkb", 1))},
}


def sonames() -> frozenset[str]:
    """Every library the bundle leaves to the system."""
    return frozenset(name for table in (DEPENDS, RECOMMENDS) for names in table.values()
                     for name in names)
