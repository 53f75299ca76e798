"""Turning a file's bytes into text: byte-order marks, declared charsets, detection, no binaries."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from glossator.core.errors import ReadError

# Checks look at the start of the data only: enough to judge, cheap on a 20 MB file.
SAMPLE_CHARS = 65536
MAX_CONTROL_SHARE = 0.1
MAX_MESS = 0.2
MAX_GUESSES = 5

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes never found in text; tab, line feed, vertical tab, form feed and CR are allowed.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Besides controls, what no text is made of: format characters (a BOM past the start, say),
# unassigned, private-use and surrogate code points. Checked where text is only a guess.
_NOT_TEXT_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
_TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r")
_NON_ASCII_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
# What a wrong code page puts inside words: symbols, superscript digits, inverted marks.
# Dashes and quotes are ordinary there ("chips\u2014far", "it\u2019s").
_MISREAD_CATEGORIES = frozenset({"Sc", "Sk", "Sm", "So", "No"})
_MISREAD_PUNCTUATION = frozenset("\u00bf\u00a1\u00b6\u00a7")
# Browsers read these labels as windows-1252, and pages that declare them rely on it.
_WINDOWS_1252_ALIASES = frozenset({"ascii", "iso8859-1", "latin-1"})


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file, with the name of the encoding that was used."""

    text: str
    encoding: str


def decode_bytes(data: bytes, label: str, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text, or raise ReadError if it is binary or in no known encoding.

    Order: byte-order mark, then a charset the file declares (HTML), then strict UTF-8, then
    detection; UTF-8 comes before detection because detectors misjudge short UTF-8 texts.
    """
    decoded = _decode(data, label, declared)
    if _mostly_controls(_CONTROL_CHARS, decoded.text[:SAMPLE_CHARS]):
        raise ReadError(f"{label} looks like a binary file, not text")
    if "\x00" in decoded.text:
        # A stray NUL (after a byte-order mark, say) is never text; stores and widgets cut at it.
        return Decoded(decoded.text.replace("\x00", ""), decoded.encoding)
    return decoded


def _decode(data: bytes, label: str, declared: str | None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8-sig" else data[len(bom):]
            try:
                return Decoded(body.decode(encoding), encoding)
            except UnicodeDecodeError:
                raise ReadError(
                    f"cannot read {label}: it starts with a {encoding} byte-order mark "
                    f"but is not valid {encoding}"
                ) from None
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise ReadError(f"{label} looks like a binary file, not text")
        return utf16
    if _mostly_controls(_CONTROL_BYTES, data[:SAMPLE_CHARS]):
        raise ReadError(f"{label} looks like a binary file, not text")
    for candidate in (_usable_declared(declared), "utf-8"):
        text = _strict(data, candidate)
        if text is not None and candidate is not None:
            return Decoded(text, candidate)
    guessed = _guess_legacy(data)
    if guessed is None:
        raise ReadError(f"cannot read {label}: its text encoding could not be worked out")
    return guessed


def _usable_declared(declared: str | None) -> str | None:
    """The codec for a declared charset; None when unknown or impossible in an ASCII-based file."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        # The file has no NUL bytes, so it is not really UTF-16/32 (the HTML standard agrees).
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def _strict(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark, told by the NUL high bytes of its ASCII characters."""
    sample = data[: SAMPLE_CHARS - SAMPLE_CHARS % 2]
    half = max(len(sample) // 2, 1)
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.3 and even_nuls < 0.02:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 and odd_nuls < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    text = _strict(data, encoding)
    if text is None or _mostly_not_text(text[:SAMPLE_CHARS]):
        # The NUL pattern alone is thin evidence in a few bytes ("x\0\1\2\xff\xfe" passes it):
        # what it decodes to must read as characters too.
        return None
    return Decoded(text, encoding)


def _mostly_not_text(sample: str) -> bool:
    odd = sum(
        1 for ch in sample
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in _NOT_TEXT_CATEGORIES
    )
    return bool(sample) and odd / len(sample) > MAX_CONTROL_SHARE


def _guess_legacy(data: bytes) -> Decoded | None:
    """Pick a legacy single- or multi-byte encoding for data that is not UTF-8.

    Windows-1252 (a superset of Latin-1) wins when its reading looks like ordinary text:
    detectors often take short Western texts for DOS or Central European code pages.
    Otherwise charset-normalizer's guesses are used (Cyrillic, Greek, CJK, ...).
    """
    western = _strict(data, "cp1252")
    if western is not None and _reads_as_text(western):
        return Decoded(western, "cp1252")
    matches = from_bytes(data)
    # Its first guess can still be a wrong code page on short texts: take the first that reads well.
    for match in list(matches)[:MAX_GUESSES]:
        text = str(match)
        if _reads_as_text(text):
            return Decoded(text, match.encoding)
    best = matches.best()
    return Decoded(str(best), best.encoding) if best is not None else None


def _reads_as_text(text: str) -> bool:
    sample = text[:SAMPLE_CHARS]
    if mess_ratio(sample, MAX_MESS) >= MAX_MESS:
        return False
    # A symbol wedged inside a word ("g³osowanie") is the mark of the wrong code page.
    for match in _NON_ASCII_IN_WORD.finditer(sample):
        char = match.group()
        if char in _MISREAD_PUNCTUATION or unicodedata.category(char) in _MISREAD_CATEGORIES:
            return False
    return True


def _mostly_controls(pattern: re.Pattern, sample: str | bytes) -> bool:
    return bool(sample) and len(pattern.findall(sample)) / len(sample) > MAX_CONTROL_SHARE
