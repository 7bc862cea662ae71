"""The version of the pipeline that made a record: the package's, plus a hash of its code, of
every rule file and of the versions of the libraries that shape records. Any change to how records
are made changes it; a rerun redoes what an older version made, and every record says which made it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from typing import Any

from .. import __version__
from . import rules

# Libraries whose upgrade can change a record: the tokenizer, the web-page reader, the encoding
# detector, the regex engine and the validator.
SHAPING = ("underthesea", "trafilatura", "charset-normalizer", "regex", "pydantic")


@cache
def pipeline_version() -> str:
    """The package version, plus a hash of its code and of every rule file: any change to how
    records are made changes it, and with it which inputs a rerun redoes."""
    digest = hashlib.sha256(rules.version().encode())
    for library in SHAPING:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    for name, entry in _code_files(resources.files("pipeline"), ""):
        digest.update(name.encode())
        digest.update(entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _code_files(folder: Any, prefix: str) -> list[tuple[str, Any]]:
    """Every .py file of the package, with its path inside it, in a stable order."""
    found: list[tuple[str, Any]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            found += _code_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".py"):
            found.append((prefix + entry.name, entry))
    return found
