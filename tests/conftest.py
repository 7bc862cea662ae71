from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(__file__).resolve().parent / "corpora"


def load_corpus(name: str) -> dict:
    return yaml.safe_load((CORPORA / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record():
    from pipeline import extract_file

    return extract_file(ROOT / "corpus" / "thanhhoa-2022.txt")
