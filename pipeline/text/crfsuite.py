"""A reader for CRFsuite model files: labels, attribute names and weights, nothing else.

underthesea ships its word segmentation model as a CRFsuite file (`models.bin`) and scores it in
Rust behind a Python boundary that costs more than the scoring: every syllable becomes 43 feature
strings built in Rust, copied into Python, and copied back. `segmenter` scores the same weights
without those strings; this module only reads them.

The layout is CRFsuite's `crf1dmodel.c`: a 48-byte header ("lCRF", size, "FOMC", version, counts
and the offsets of the chunks), a "FEAT" chunk of (type, source, target, weight) records (type 0:
attribute -> label, type 1: label -> label), and two CQDB string tables whose backward arrays give
each id's string. Anything else is refused with `ValueError`, never guessed.
"""

from __future__ import annotations

import struct
from array import array
from dataclasses import dataclass

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_CQDB = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<iI")
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    attributes: list[str]  # by id
    state: tuple[array[float], ...]  # [label][attribute id]: the weight (0.0 where the model has none)
    transitions: tuple[tuple[float, ...], ...]  # [from label][to label]


def read(data: bytes) -> Model:
    """The model in `data`, the bytes of a CRFsuite model file."""
    try:
        magic, _size, kind, _version, _, n_labels, n_attrs, at_features, at_labels, at_attrs, _, _ = (
            _HEADER.unpack_from(data, 0)
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"not a CRFsuite model (magic {magic!r}, type {kind!r})")
        labels = _strings(data, at_labels)
        attrs = _strings(data, at_attrs)
        if len(labels) != n_labels or len(attrs) != n_attrs:
            raise ValueError("the string tables do not hold the counts the header gives")
        chunk, _, count = _CHUNK.unpack_from(data, at_features)
        if chunk != b"FEAT":
            raise ValueError(f"expected the FEAT chunk, found {chunk!r}")
        state = tuple(array("d", [0.0]) * n_attrs for _ in range(n_labels))
        transitions = [[0.0] * n_labels for _ in range(n_labels)]
        start = at_features + _CHUNK.size
        records = data[start : start + count * _FEATURE.size]
        if len(records) != count * _FEATURE.size:
            raise ValueError(f"the FEAT chunk holds fewer than its {count} features")
        for kind_id, source, target, weight in _FEATURE.iter_unpack(records):
            if kind_id == _STATE:
                state[target][source] = weight
            elif kind_id == _TRANSITION:
                transitions[source][target] = weight
            else:
                raise ValueError(f"unknown feature type {kind_id}")
    except (struct.error, IndexError, UnicodeDecodeError) as exc:
        raise ValueError(f"truncated or corrupt CRFsuite model: {exc}") from exc
    return Model(tuple(labels), attrs, state, tuple(tuple(row) for row in transitions))


def _strings(data: bytes, at: int) -> list[str]:
    """The strings of the CQDB table at `at`, by id (its backward array maps id -> record)."""
    chunk, _size, _flag, _order, count, backward = _CQDB.unpack_from(data, at)
    if chunk != b"CQDB":
        raise ValueError(f"expected a CQDB table, found {chunk!r}")
    offsets = struct.unpack_from(f"<{count}I", data, at + backward)
    strings = []
    for i, offset in enumerate(offsets):
        record_id, size = _RECORD.unpack_from(data, at + offset)
        if record_id != i or size == 0:
            raise ValueError(f"CQDB record {i} is out of order")
        key = at + offset + _RECORD.size
        strings.append(data[key : key + size - 1].decode("utf-8"))  # the size counts a closing NUL
    return strings
