"""Stage 0: bytes into text, or a clear reason why not.

Byte-order marks decide first (UTF-8, UTF-16 LE/BE, UTF-32); then strict UTF-8; then UTF-16
without a mark (Windows tools write it, recognisable by its zero bytes); then charset-normalizer,
a maintained detector, for the legacy code pages (Windows-1258 above all). Text already
decomposed (NFD) is fine: the clean stage composes it.

Vietnamese text from the 1990s font encodings (TCVN3/ABC, VNI) decodes "successfully" into
nonsense such as "Liªn ®oµn" or "Lieân ñoaøn": those are recognised by their letter patterns
and reported by name rather than extracted from.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import regex

from ..errors import ArticleError

# Control characters other than tab, newline, carriage return and form feed do not occur in
# article text; a file with many of them is binary even when its bytes happen to decode.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}
MAX_BYTES = 50 * 1024 * 1024

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Legacy font encodings read as a Windows code page: TCVN3 puts "đ" at 0xAE ("®"), "ê" at 0xAA
# ("ª"), "à" at 0xB5 ("µ"); VNI writes "đ" as "ñ" and tone marks as separate Latin-1 letters
# after the vowel ("oaø", "eä", "ö").
_LEGACY = {
    "TCVN3 (ABC)": regex.compile(r"[®ª©«¬µ¸¹¶·¨]"),
    "VNI": regex.compile(r"(?:[aeiouy][øùúûüõïòóôöäåæçèéêëìíîÕØ]|ñ|Ñ)", regex.I),
}
# Letters only Vietnamese Unicode text has (beyond Latin-1): what a legacy font text lacks.
_VIETNAMESE = regex.compile(r"[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300-\u0323]")


# Documents recognised by their first bytes, whatever their name says: they hold text, but not
# as text, and the user can save them as such.
_DOCUMENTS = [
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or an Office document (.docx, .xlsx, .odt)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"{\\rtf", "a Rich Text document"),
]


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding name) or raises `ArticleError`."""
    if not data.strip(b" \t\r\n\x00"):
        raise ArticleError(name, "empty file: no text to extract from")
    for magic, kind in _DOCUMENTS:
        if data.startswith(magic):
            raise ArticleError(name, f"{kind}, not a text article: save it as .txt (or .html) and run again")
    text, encoding = _decode(data, name)
    if _binary_ratio(text[:8192]) > 0.05:
        raise ArticleError(name, "binary file: not a text article")
    if "\x00" in text:
        text = text.replace("\x00", "")  # stray NUL bytes in a text file: dropped, never kept in spans
    if not text.strip():
        raise ArticleError(name, "empty file: no text to extract from")
    legacy = legacy_font_encoding(text)
    if legacy:
        raise ArticleError(
            name,
            f"text is in the legacy Vietnamese font encoding {legacy}; convert it to Unicode "
            "(for example with UniKey's converter) and run again",
        )
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ArticleError(
                    name, f"starts with a {encoding} byte-order mark but does not decode"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16), utf16
    sample = data[:8192]
    if sum(1 for b in sample if b in _CONTROL) > len(sample) * 0.05:
        raise ArticleError(name, "binary file: not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guessed = _detect(data)
    if guessed is None:
        raise ArticleError(
            name,
            f"not UTF-8 text (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no other encoding "
            "fits; save the article as UTF-8",
        )
    return guessed


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 written without a mark: nearly every other byte is zero for Latin-script text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > half * 0.3 and (even if encoding == "utf-16-le" else odd) < half * 0.05:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """A legacy code page, chosen by charset-normalizer among those that can hold Vietnamese."""
    from charset_normalizer import from_bytes

    results = from_bytes(data, cp_isolation=["cp1258", "cp1252", "latin_1", "utf_16", "cp1250"])
    best = results.best()
    if best is None:
        try:  # too short or too odd for the detector: cp1258 decodes almost any byte
            return data.decode("cp1258"), "cp1258"
        except UnicodeDecodeError:
            return None
    text = str(best)
    # cp1258 and cp1252 share most bytes; Vietnamese text has its own letters in cp1258 only.
    if best.encoding != "cp1258":
        try:
            as_1258 = data.decode("cp1258")
        except UnicodeDecodeError:
            as_1258 = ""
        if len(_VIETNAMESE.findall(as_1258)) > len(_VIETNAMESE.findall(text)):
            return as_1258, "cp1258"
    return text, best.encoding


def legacy_font_encoding(text: str) -> str | None:
    """'TCVN3 (ABC)' or 'VNI' when the text looks like one read as a Windows code page."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None
    proper = len(_VIETNAMESE.findall(sample))
    for name, pattern in _LEGACY.items():
        hits = len(pattern.findall(sample))
        if hits > letters * 0.03 and hits > proper * 2:
            return name
    return None


@contextmanager
def reading(name: str) -> Iterator[None]:
    """Turns the ways reading a file can fail into an `ArticleError` naming the file."""
    try:
        yield
    except FileNotFoundError:
        raise ArticleError(name, "file not found (it may have been removed during the run)") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(name, "is a folder, not an article file") from None
    except OSError as exc:
        raise ArticleError(name, f"cannot read: {exc.strerror or exc}") from None


def shown(path: Path | str) -> str:
    """A path as text for people and JSON: a file name in another encoding than the system's
    (Python keeps its bytes as lone surrogates) shows U+FFFD instead, which UTF-8 can write."""
    return os.fsencode(path).decode("utf-8", "replace")


def regular(path: Path) -> None:
    """Raise an `ArticleError` unless `path` is a regular file: a FIFO would block a reader for
    ever and a device (/dev/zero) never ends, so they are refused by their kind, never opened."""
    name = shown(path)
    with reading(name):
        mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise ArticleError(name, "is a folder, not an article file")
    if not stat.S_ISREG(mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
        )
        raise ArticleError(name, f"is {kind}, not a regular file: not read")


def read(path: Path) -> tuple[bytes, str]:
    """The bytes of one input file; every failure is an `ArticleError` naming it."""
    name = shown(path)
    regular(path)
    with reading(name):
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(name, f"file too large ({size} bytes; the limit is {MAX_BYTES})")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArticleError(name, f"file too large (over {MAX_BYTES} bytes)")
    return data, name


def _binary_ratio(sample: str) -> float:
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ord(ch) in _CONTROL) / len(sample)
