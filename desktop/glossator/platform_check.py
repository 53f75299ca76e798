"""Before the window starts on X11: name the system packages Qt's xcb plugin is missing.

When a library of the xcb platform plugin is absent, Qt prints a hint that names the wrong
package and aborts the process (exit code 250). This check runs first: it asks ``ldd``
which libraries of the plugin are "not found" (or, without ``ldd``, tries to load a known
list of them) and turns the answer into the exact ``apt-get`` and ``dnf`` commands.
Nothing here imports Qt's widgets; PySide6 is only located on disk.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from glossator.core.errors import GlossatorError

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
# Without ldd: the X libraries Qt 6's xcb plugin links against, tried one by one. (Older Qt
# also wanted xinerama, xinput and glx; ldd still names those when they are needed.)
XCB_LIBRARIES = (
    "libxcb.so.1", "libX11-xcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0",
    "libxcb-keysyms.so.1", "libxcb-randr.so.0", "libxcb-render.so.0", "libxcb-render-util.so.0",
    "libxcb-shape.so.0", "libxcb-shm.so.0", "libxcb-sync.so.1", "libxcb-util.so.1", "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1", "libxkbcommon.so.0", "libxkbcommon-x11.so.0",
)
# Libraries the PySide6 wheel brings itself: missing ones mean a broken install, not a package.
_BUNDLED = re.compile(r"lib(Qt6|pyside6|shiboken6|icu)")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


class MissingSystemLibraries(GlossatorError):
    """The window cannot start: Qt's X11 plugin needs libraries the system does not have."""


def will_use_xcb(environ=None, platform: str | None = None) -> bool:
    """Whether Qt will pick its X11 (xcb) plugin: on Linux with a DISPLAY, unless told otherwise."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "xcb", "xcb:option=value" or a fallback list such as "xcb;wayland": the first one wins.
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    return not environ.get("WAYLAND_DISPLAY")  # in a Wayland session Qt tries its wayland plugin first


def plugin_files() -> list[Path]:
    """PySide6's xcb platform plugin and the Qt library behind it, where they exist."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    return [path for path in candidates if path.is_file()]


def missing_from_ldd(output: str) -> list[str]:
    """The sonames ``ldd`` reports as "not found", leaving out PySide6's own libraries."""
    found = dict.fromkeys(name for name in _NOT_FOUND.findall(output) if not _BUNDLED.match(name))
    return list(found)


def _run_ldd(ldd: str, files: list[Path]) -> str | None:
    try:
        done = subprocess.run([ldd, *map(str, files)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def missing_libraries(files: list[Path] | None = None, loadable=_loadable) -> list[str]:
    """The shared libraries of the xcb plugin that cannot be found on this system."""
    files = plugin_files() if files is None else files
    ldd = shutil.which("ldd")
    if files and ldd:
        output = _run_ldd(ldd, files)
        if output is not None:
            return missing_from_ldd(output)
    return [name for name in XCB_LIBRARIES if not loadable(name)]


def install_message(missing: list[str]) -> str:
    """One line naming the missing libraries and the commands that install them."""
    known = [name for name in missing if name in PACKAGES]
    debian = " ".join(dict.fromkeys(PACKAGES[name][0] for name in known))
    fedora = " ".join(dict.fromkeys(PACKAGES[name][1] for name in known))
    message = (f"the window cannot start: Qt's X11 (xcb) platform plugin needs system libraries "
               f"that are missing: {', '.join(missing)}.")
    if known:
        message += (f" Install them with 'sudo apt-get install {debian}' (Debian, Ubuntu) "
                    f"or 'sudo dnf install {fedora}' (Fedora)")
        unknown = [name for name in missing if name not in PACKAGES]
        message += f", and the packages holding {', '.join(unknown)}." if unknown else "."
    else:
        message += " Install the packages that hold them."
    return message


def check_display(environ=None, **options) -> None:
    """Raise :class:`MissingSystemLibraries` if the window would start on X11 and cannot.

    ``options`` go to :func:`missing_libraries` (tests hand in files or a loader).
    """
    if not will_use_xcb(environ):
        return
    missing = missing_libraries(**options)
    if missing:
        raise MissingSystemLibraries(install_message(missing))


def main() -> int:
    """``python -m glossator.platform_check``: exit 2 with the message, or 0 if the window can start."""
    try:
        check_display()
    except MissingSystemLibraries as exc:
        print(f"glossator: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
