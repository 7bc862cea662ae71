"""Stage 0: read an article file into text, or say clearly why it cannot be read.

UTF-8, with or without a byte-order mark, is what this stage accepts for now; anything else is
an `ArticleError` naming the file and the reason, so a batch can report it and go on.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import ArticleError

# Control characters other than tab, newline and carriage return do not occur in article text;
# a file with many of them is binary even when its bytes happen to decode.
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)}
MAX_BYTES = 50 * 1024 * 1024


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding name)."""
    if not data.strip():
        raise ArticleError(name, "empty file: no text to extract from")
    if b"\x00" in data[:8192] or _binary_ratio(data[:8192]) > 0.05:
        raise ArticleError(name, "binary file: not a text article")
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            name,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the article as UTF-8",
        ) from None
    if not text.strip():
        raise ArticleError(name, "empty file: no text to extract from")
    return text, encoding


def read(path: Path) -> tuple[str, str]:
    """Read and decode one file; every failure is an `ArticleError` naming it."""
    name = str(path)
    try:
        if path.is_dir():
            raise ArticleError(name, "is a folder, not an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(name, f"file too large ({size} bytes; the limit is {MAX_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(name, "file not found") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except OSError as exc:
        raise ArticleError(name, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, name)


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b in _CONTROL) / len(sample)
