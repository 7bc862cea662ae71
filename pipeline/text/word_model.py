"""The word model the pipeline uses: underthesea's, scored by `segmenter` once it passes the
checks of `segmenter.yaml`, else underthesea's own `word_tokenize`."""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from ..core import rules
from . import crfsuite, segmenter
from .segmenter import Segmenter
from .syllables import reader


def word_tokenize(text: str) -> list[str]:
    """`underthesea.word_tokenize(text)`, scored by `segmenter` when the model passes `load`'s checks."""
    scorer = load()
    return segmenter.underthesea_words(text) if scorer is None else scorer.words(text)


@cache
def load() -> Segmenter | None:
    """The segmenter for the model underthesea ships, or None when `segmenter` cannot score it the
    way underthesea does (then underthesea does the work)."""
    try:
        data = model_files()
        scorer = Segmenter(
            crfsuite.read(data["models.bin"]),
            list(_unpickle(data["features.bin"])),
            _unpickle(data["dictionary.bin"]),
            reader(),
        )
    except Exception:  # whatever keeps the files from being read, underthesea reads them its own way
        return None  # (tests assert that the shipped model is taken, so a bug here cannot hide)
    return scorer if passes(scorer, rules.load("segmenter"), model_digest(data)) else None


def passes(scorer: Segmenter, checks: dict[str, Any], digest: str) -> bool:
    """Whether `scorer` gives the checks' words: those recorded, for the model files they were
    recorded with (`digest`), else underthesea's own."""
    for check in checks["checks"]:
        expected = (
            check["words"] if digest == checks["model_sha256"] else segmenter.underthesea_words(check["text"])
        )
        if scorer.words(check["text"]) != expected:
            return False
    return True


_MODEL_FILES = ("models.bin", "features.bin", "dictionary.bin")


def model_files() -> dict[str, bytes]:
    """The bytes of underthesea's word model files, by name (ValueError unless exactly one model
    folder holds them)."""
    from underthesea.pipeline import word_tokenize as module

    [folder] = [p.parent for p in (Path(module.__file__).parent / "models").glob("*/models.bin")]
    return {name: (folder / name).read_bytes() for name in _MODEL_FILES}


def model_digest(data: dict[str, bytes]) -> str:
    """One digest of the model's three files."""
    digest = hashlib.sha256()
    for name in _MODEL_FILES:
        digest.update(hashlib.sha256(data[name]).digest())
    return digest.hexdigest()


def _unpickle(data: bytes) -> Any:
    """underthesea writes these files with joblib; for plain objects that is a pickle, which the
    standard library reads in C, twenty times faster than joblib's reader (0.03 s against 0.6)."""
    try:
        return pickle.loads(data)
    except pickle.UnpicklingError:
        import joblib  # a joblib container (compressed, or holding arrays)

        return joblib.load(BytesIO(data))
