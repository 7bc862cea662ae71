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
    """A regex alternation of literal words, longest first so that the longest one wins."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
