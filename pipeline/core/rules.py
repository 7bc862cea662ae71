"""Rules, vocabularies and gazetteers are data: YAML files beside the code that reads them.

`load("dates")` finds `dates.yaml` wherever it lives under `pipeline/` (file names are unique:
a test checks it) and validates it, once per process, against the pydantic schema that the same
folder's `schema.py` declares for it (`SCHEMAS = {"dates": DatesRules}`). A typo in a key or a
value of the wrong shape fails at load with the file and the key named. The rules version is a
hash of every rule file, so a changed rule changes the version that goes into the manifest.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

PACKAGE = resources.files("pipeline")


class RuleFileError(RuntimeError):
    """A rule file is missing, has no schema, or does not match its schema."""


def is_rule_file(name: str) -> bool:
    """Rule files are the YAML files of the package other than example corpora."""
    return name.endswith(".yaml") and not name.startswith("corpus")


@cache
def files() -> dict[str, tuple[Traversable, str]]:
    """{name: (file, the dotted package that holds it)} for every rule file of the package."""
    found: dict[str, tuple[Traversable, str]] = {}

    def walk(folder: Traversable, package: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                walk(entry, f"{package}.{entry.name}")
            elif entry.is_file() and is_rule_file(entry.name):
                name = entry.name.removesuffix(".yaml")
                if name in found:
                    raise RuleFileError(f"{name}.yaml: two rule files share this name")
                found[name] = (entry, package)

    walk(PACKAGE, "pipeline")
    return found


def schema_for(name: str) -> type[BaseModel]:
    """The schema that the rule file's own folder declares for it in `schema.py`."""
    _, package = _locate(name)
    try:
        module = importlib.import_module(f"{package}.schema")
    except ModuleNotFoundError:
        raise RuleFileError(f"{name}.yaml: {package} has no schema.py declaring its shape") from None
    schemas: dict[str, type[BaseModel]] = getattr(module, "SCHEMAS", {})
    if name not in schemas:
        raise RuleFileError(f"{name}.yaml: {package}.schema.SCHEMAS has no entry for it")
    return schemas[name]


def _locate(name: str) -> tuple[Traversable, str]:
    try:
        return files()[name]
    except KeyError:
        raise RuleFileError(f"{name}.yaml: no such rule file under pipeline/") from None


# libyaml's safe loader where PyYAML has it (its wheels do): the same data as the pure-Python
# one, eight times faster (reading the rule files was a quarter of a cold start).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """YAML text as data, with the safe loader: plain mappings, lists, strings and numbers only."""
    return yaml.load(text, Loader=_LOADER)


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed, validated content of `<name>.yaml`; it must carry `version` and `date`."""
    path, _ = _locate(name)
    return validate(name, parse_yaml(path.read_text(encoding="utf-8")))


def validate(name: str, data: Any) -> dict[str, Any]:
    """`data` when it has the shape `<name>.yaml` must have; else a RuleFileError naming the file
    and every key that is wrong ("dates.yaml: weekday: Extra inputs are not permitted")."""
    if not isinstance(data, dict):
        raise RuleFileError(f"{name}.yaml: expected a mapping at the top level")
    try:
        schema_for(name).model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors()
        )
        raise RuleFileError(f"{name}.yaml: {problems}") from None
    return data


def section(name: str, key: str) -> Any:
    data = load(name)
    if key not in data:
        raise RuleFileError(f"{name}.yaml: missing section '{key}'")
    return data[key]


@cache
def version() -> str:
    """A short hash of every rule file: changes whenever a rule changes."""
    return version_of({name: entry for name, (entry, _) in files().items()})


def version_of(entries: Mapping[str, Traversable]) -> str:
    """The hash `version` takes, of the given {name: file} rule files."""
    digest = hashlib.sha256()
    for name, entry in sorted(entries.items()):
        digest.update(name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()[:12]
