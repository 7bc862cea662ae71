"""Input files into documents: one per text or HTML file, one per line of a JSON Lines file.

A `Document` is what the extractor needs (text, publication date) and what the record's
`source` says of its origin. Whatever cannot become a document is an `ErrorResult` naming the
file (and the line, for JSON Lines) and the reason; the other documents of the file go on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, NamedTuple

import regex

from ..core.hashing import sha256
from ..errors import ArticleError
from ..output.models import ErrorResult, Source
from . import load, webpage
from .published import from_name
from .published import published as read_published

# What each file suffix holds; anything else in a folder is not an article and is skipped.
FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
MAX_LINE_BYTES = 20 * 1024 * 1024
# One article's text, whatever holds it. News articles run to tens of KB; past this, the text is a
# dump or a book, and its time (about 2.5 s a MB) and memory would hold the batch up.
# The library's `extract` takes any length (tools/scaling.py measures it to 10 MB).
MAX_ARTICLE_CHARS = 3_000_000


@dataclass(frozen=True)
class Document:
    text: str
    name: str  # output name, relative to the output folder
    source: Source
    published: dt.date | None = None


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def safe_name(relative: str) -> str:
    """An output name that stays inside the output folder whatever the input's name holds: no
    climbing out, no control characters, no undecodable bytes or lone surrogates (an escaped id,
    a file name in another encoding), and no part longer than a file system allows (a long part
    is cut and keeps a hash of the whole, so two long names stay apart)."""
    parts = [p for p in PurePosixPath(relative.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    cleaned = []
    for part in parts:
        text = regex.sub(r"[\x00-\x1f\x7f:*?\"<>|\p{Cs}]", "_", part).strip(" .") or "_"
        if len(text.encode("utf-8")) > _MAX_PART_BYTES:
            digest = sha256(text.encode("utf-8", "surrogatepass"))[:12]
            cut = text.encode("utf-8")[: _MAX_PART_BYTES - 13].decode("utf-8", "ignore")
            text = f"{cut}-{digest}"
        cleaned.append(text)
    return "/".join(cleaned) or "_"


def _whole(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD."""
    if not regex.search(r"\p{Cs}", text):
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


# A file name may hold 255 bytes; the output adds ".json" and a temporary name adds more.
_MAX_PART_BYTES = 150


@dataclass(frozen=True)
class Keys:
    """The fields of a JSON Lines object that hold the text, its id and its date (spaCy's
    `apply --text-key`): other exports call them "content", "url_id", "date"."""

    text: str = "text"
    id: str = "id"
    date: str = "published"


def documents(
    path: Path, name: str, keys: Keys = Keys(), lines: tuple[int, int] | None = None, offset: int = 0
) -> Iterator[Document | ErrorResult]:
    """The documents of one input file, in order; one too long for an article is an error.
    `lines` (first, last + 1) reads only those lines of a JSON Lines file, the first of them
    starting at byte `offset` (see `line_stretches`)."""
    for doc in _documents(path, name, keys, lines, offset):
        if isinstance(doc, Document) and len(doc.text) > MAX_ARTICLE_CHARS:
            where = doc.source.path + (f":{doc.source.line}" if doc.source.line else "")
            reason = (
                f"too long for one article ({len(doc.text):,} characters; the limit is "
                f"{MAX_ARTICLE_CHARS:,}): split it into its articles"
            )
            yield ErrorResult(file=where, reason=reason)
        else:
            yield doc


def _documents(
    path: Path, name: str, keys: Keys, lines: tuple[int, int] | None, offset: int
) -> Iterator[Document | ErrorResult]:
    kind = format_of(path) or "text"
    try:
        if kind == "jsonl":
            yield from _jsonl(path, name, keys, lines, offset)
            return
        data, label = load.read(path)
        sha = _sha(data)
        if kind == "html":
            yield _html_document(data, label, name, sha)
        else:
            text, encoding = load.decode(data, label)
            source = Source(path=label, encoding=encoding, sha256=sha, format="text")
            yield Document(text, name, source, from_name(path.name))
    except ArticleError as exc:
        yield ErrorResult(file=exc.file, reason=exc.reason)


def _sha(data: bytes) -> str:
    return sha256(data)


def _html_document(data: bytes, label: str, name: str, sha: str | None, line: int | None = None) -> Document:
    declared = webpage.declared_charset(data)
    text: str | None = None
    encoding = declared
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = load.decode(data, label)
    return _page_document(text, label, name, sha, encoding, line)


def _page_document(
    html: str, label: str, name: str, sha: str | None, encoding: str | None, line: int | None = None
) -> Document:
    page = webpage.parse(html)
    if page is None:
        # A short fragment ("<p>LĐLĐ tỉnh ... 200 suất quà</p>") is too small for a main-text
        # extractor: its text, tags dropped, is the article.
        text = webpage.fragment_text(html)
        if not text:
            raise ArticleError(label, "HTML page holds no main text to extract from")
        source = Source(path=label, encoding=encoding, sha256=sha, format="html", line=line)
        return Document(text, name, source, from_name(PurePosixPath(label).name))
    source = Source(path=label, encoding=encoding, sha256=sha, format="html", url=page.url, line=line)
    return Document(page.text, name, source, page.published or from_name(PurePosixPath(label).name))


class Stretches(NamedTuple):
    lines: list[tuple[int, int, int]]  # (first line, last line + 1, byte offset of the first line)
    sha256: str  # of the whole file, read in the same pass (the batch needs it, and a dump is big)


def line_stretches(path: Path, size: int) -> Stretches:
    """A JSON Lines file as stretches of `size` lines, and its content hash, read a block at a time."""
    starts = [0]  # byte offsets of lines 1, 1 + size, 1 + 2 * size, ...
    newlines = position = 0
    last = b"\n"
    digest = hashlib.sha256()
    with load.reading(load.shown(path)), path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            at = block.find(b"\n")
            while at >= 0:
                newlines += 1
                if newlines % size == 0:
                    starts.append(position + at + 1)
                at = block.find(b"\n", at + 1)
            position += len(block)
            last = block[-1:]
    total = newlines + (position > 0 and last != b"\n")
    starts = [offset for k, offset in enumerate(starts) if 1 + k * size <= total] or [0]
    lines = [(1 + k * size, min(1 + (k + 1) * size, total + 1), offset) for k, offset in enumerate(starts)]
    return Stretches(lines, digest.hexdigest())


def _jsonl(
    path: Path, name: str, keys: Keys, lines: tuple[int, int] | None = None, offset: int = 0
) -> Iterator[Document | ErrorResult]:
    label = load.shown(path)
    with load.reading(label):
        f = path.open("rb")
    used: set[str] = set()
    with f:
        f.seek(offset)
        for number, raw in enumerate(_lines(f), start=lines[0] if lines else 1):
            if lines is not None and number >= lines[1]:
                break
            where = f"{label}:{number}"
            if isinstance(raw, int):
                reason = f"line too long ({raw:,} bytes; the limit is {MAX_LINE_BYTES:,})"
                yield ErrorResult(file=where, reason=reason)
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                doc = _jsonl_line(raw, where, label, name, number, used, keys)
            except ArticleError as exc:
                yield ErrorResult(file=exc.file, reason=exc.reason)
            else:
                yield doc


def _lines(f: IO[bytes]) -> Iterator[bytes | int]:
    """Each line of `f`, or the length of a line over MAX_LINE_BYTES, which is read past in
    blocks and never held (a 1.5 GB line was read whole before its length was checked)."""
    while True:
        line = f.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_LINE_BYTES or (line.endswith(b"\n") and len(line) == MAX_LINE_BYTES + 1):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = f.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield size


def _jsonl_line(
    raw: bytes, where: str, label: str, name: str, number: int, used: set[str], keys: Keys
) -> Document:
    try:
        item: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ArticleError(where, "line is not UTF-8 (JSON Lines must be)") from None
    except json.JSONDecodeError as exc:
        raise ArticleError(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, nesting past the stack
        raise ArticleError(where, f"JSON the reader refuses: {type(exc).__name__}") from None
    if not isinstance(item, dict):
        raise ArticleError(where, f"expected a JSON object, got {type(item).__name__}")
    # JSON may escape half of a surrogate pair ("\\ud800"), a character UTF-8 cannot write
    item = {key: _whole(value) if isinstance(value, str) else value for key, value in item.items()}
    given_id = item.get(keys.id)
    if given_id is not None and not isinstance(given_id, str | int):
        raise ArticleError(where, f"'{keys.id}' must be a string or a number")
    out = safe_name(f"{name}/{given_id if given_id is not None else f'line-{number}'}")
    if out in used:
        out = f"{out}-line-{number}"
    used.add(out)
    published = read_published(item.get(keys.date), where)
    url = item.get("url") if isinstance(item.get("url"), str) else None
    ident = None if given_id is None else str(given_id)
    if isinstance(item.get(keys.text), str) and item[keys.text].strip():
        text = item[keys.text]
        if (
            isinstance(item.get("title"), str)
            and item["title"].strip()
            and not text.startswith(item["title"])
        ):
            text = f"{item['title'].strip()}\n{text}"
        source = Source(path=label, encoding="utf-8", format="jsonl", url=url, line=number, id=ident)
        return Document(text, out, source, published)
    if isinstance(item.get("html"), str) and item["html"].strip():
        doc = _page_document(item["html"], where, out, None, "utf-8", number)
        source = doc.source.model_copy(
            update={"path": label, "format": "jsonl", "id": ident, "url": url or doc.source.url}
        )
        return Document(doc.text, out, source, published or doc.published)
    raise ArticleError(where, f"no '{keys.text}' or 'html' field with article text")
