"""Content hashes, one helper for every caller: record ids, input hashes, the manifest."""

from __future__ import annotations

import hashlib
from typing import Protocol


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def sha256(data: bytes | str) -> str:
    """The hex SHA-256 of bytes, or of a string's UTF-8."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def sha256_stream(stream: Readable, block: int = 1 << 20, limit: int | None = None) -> str:
    """The hex SHA-256 of what a binary stream holds, read a block at a time and no further than
    `limit` bytes (a file that grows while it is read cannot keep us reading)."""
    digest = hashlib.sha256()
    left = limit
    while left is None or left > 0:
        chunk = stream.read(block if left is None else min(block, left))
        if not chunk:
            break
        digest.update(chunk)
        if left is not None:
            left -= len(chunk)
    return digest.hexdigest()
