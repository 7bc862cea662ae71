"""Rules, vocabularies and gazetteers are data: YAML files under `pipeline/data/`.

Each file is read and checked once per process. The rules version is a hash of all the files, so
a changed rule file changes the version that goes into the output.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA = resources.files("pipeline") / "data"


class RuleFileError(RuntimeError):
    """A rule file is missing a section or has the wrong shape."""


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content of `pipeline/data/<name>.yaml`; it must carry `version` and `date`."""
    path = DATA / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RuleFileError(f"{name}.yaml: expected a mapping at the top level")
    for key in ("version", "date"):
        if key not in data:
            raise RuleFileError(f"{name}.yaml: missing '{key}'")
    return data


def section(name: str, key: str) -> Any:
    data = load(name)
    if key not in data:
        raise RuleFileError(f"{name}.yaml: missing section '{key}'")
    return data[key]


@cache
def version() -> str:
    """A short hash of every rule file: changes whenever a rule changes."""
    return version_of(DATA)


def version_of(folder: Any) -> str:
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:12]


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words; where several match, the longest is tried first.

    The words are factored into a trie ("Hà Nội|Hà Nam|Hà Giang" -> "Hà\\ (?:Giang|N(?:am|ội))"), so
    the engine reads each character once instead of trying every word at every position: a list
    of a hundred places costs about what one word does. Every word that matches at a position is a
    prefix of the longest one there, so the greedy optional tails try those longest first, as a
    longest-first list would.
    """
    import regex

    trie: dict[str | None, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[None] = {}

    def pattern(node: dict[str | None, Any]) -> str:
        branches = [regex.escape(ch) + pattern(child) for ch, child in sorted(node.items(), key=_key) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if None in node else body

    return pattern(trie)


def cased(words: list[str], headlines: bool = True) -> list[str]:
    """Each word as written, Capitalised at a sentence start, and (`headlines`) in capitals.

    Full-text scans use these instead of IGNORECASE, which makes the regex engine fold case at
    every position (about 1.6x the cost); no other casing occurs in print.
    """
    out: dict[str, None] = {}
    for w in words:
        for v in (w, w[:1].upper() + w[1:], w.upper() if headlines else w):
            out[v] = None
    return list(out)


def _key(item: tuple[str | None, Any]) -> str:
    return item[0] or ""
