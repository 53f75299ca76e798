"""How large a file Glossator agrees to read, and how sizes are shown in messages."""

from __future__ import annotations

import os
import re

from glossator.core.errors import ReadError

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB
MAX_BYTES_ENV = "GLOSSATOR_MAX_BYTES"

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$", re.IGNORECASE)
_UNIT_STEPS = (("GB", 1024 * MB), ("MB", MB), ("KB", 1024))
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": MB, "mb": MB, "g": 1024 * MB, "gb": 1024 * MB}


def resolve_max_bytes(max_bytes: int | None, label: str) -> int:
    """The size limit in force: the argument if given, else GLOSSATOR_MAX_BYTES, else 20 MB.

    ``label`` names the file being read, so a bad environment value is reported against it.
    """
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    match = _SIZE_RE.match(raw)
    if not match:
        raise ReadError(
            f"cannot read {label}: {MAX_BYTES_ENV}={raw!r} is not a size (use bytes, or e.g. 50MB)"
        )
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "").lower()])


def format_size(size: int) -> str:
    """A size for people: '512 bytes', '3.5 KB', '25.3 MB' (binary units, trailing .0 dropped)."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    unit, factor = next((u, f) for u, f in _UNIT_STEPS if size >= f)
    value = f"{size / factor:.1f}".removesuffix(".0")
    return f"{value} {unit}"


def check_size(size: int, max_bytes: int, label: str) -> None:
    """Refuse a file over the limit before reading it, so a huge file never fills memory."""
    if size <= max_bytes:
        return
    shown, limit = format_size(size), format_size(max_bytes)
    if shown == limit:
        # Rounding would make the file look exactly as big as the limit.
        shown, limit = f"{size:,} bytes", f"{max_bytes:,}-byte"
    raise ReadError(f"{label} is {shown}, over the {limit} limit")
