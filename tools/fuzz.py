"""`make fuzz`: extract from many generated and mutated article texts; no crash, no invalid record.

    python -m tools.fuzz [--count 100000] [--workers 2] [--seed 0] [--json out/fuzz.json]

Each case is a slice of a corpus article with random edits (characters inserted, deleted,
duplicated or swapped; digits and Vietnamese letters and marks; line breaks), or random text from
an alphabet of what the rules read. A case passes when `extract` returns a record whose every
span is honest, or raises `ArticleError`; one case in ten is also extracted twice and must give
the same record. Anything else is a failure, printed with the seed that reproduces it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tools import scaling

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạếềểễệốồổỗộớờởỡợứừửữựĐLCSTQ0123456789"
MARKS = " .,;:-–/%()\"'\n\t\u0301\u0323\u00a0\ufeff\x00"  # combining tones, NBSP, BOM, NUL too
PHRASES = [
    "LĐLĐ", "đoàn viên", "tỷ đồng", "triệu", "ngày 30-6", "tháng 8/2020", "năm 2022", "đạt 107,3% kế hoạch",
    "Công đoàn", "Ảnh: ", "Có thể bạn quan tâm", " |", "(CĐCS)", "hơn 1.200", "quý I/2023", "thứ Hai, ",
    "nửa", " rưỡi", "$", "US$", " USD", "ngày 10 và 11", "từ 15 đến ", "Tết Nguyên đán",
    "Ngày Quốc tế Lao động",
]  # fmt: skip
PIECES = [*LETTERS, *MARKS, *PHRASES]


def corpus() -> list[str]:
    """The articles mutated: those the bench builds its inputs from."""
    return scaling.articles()


def mutate(text: str, seed: int) -> str:
    """A slice of `text` (up to 1,500 characters) with up to 12 random edits."""
    rng = random.Random(seed)
    start = rng.randrange(max(1, len(text)))
    out = list(text[start : start + rng.randint(0, 1500)])
    for _ in range(rng.randint(0, 12)):
        pos = rng.randint(0, len(out))
        op = rng.random()
        if op < 0.4:
            out[pos:pos] = list(rng.choice(PIECES))
        elif op < 0.6 and out:
            del out[pos : pos + rng.randint(1, 20)]
        elif op < 0.8 and out:
            out[pos:pos] = out[max(0, pos - 30) : pos]
        elif out:
            i, j = rng.randrange(len(out)), rng.randrange(len(out))
            out[i], out[j] = out[j], out[i]
    return "".join(out)


def generated(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 200)))


def check(record: Any) -> list[str]:
    """What is wrong with a record: spans that do not point at their text."""
    problems = []
    text = record.text
    spans = [*record.entities, *record.quantities, *record.dates, *record.ordinals, *record.documents]
    spans += [a.evidence for a in record.achievements]
    for s in spans:
        if text[s.start : s.end] != s.text:
            problems.append(f"span {s.start}:{s.end} is {text[s.start : s.end]!r}, not {s.text!r}")
    return problems


_TEXTS: list[str] = []


def _init() -> None:
    _TEXTS.extend(corpus())


def run_case(seed: int) -> tuple[int, str | None]:
    from pipeline import ArticleError, extract

    text = generated(seed) if seed % 5 == 0 else mutate(_TEXTS[seed % len(_TEXTS)], seed)
    try:
        record = extract(text, source=f"<fuzz {seed}>")
    except ArticleError:
        return seed, None
    except Exception as exc:
        return seed, f"crash: {type(exc).__name__}: {exc}"
    problems = check(record)
    if not problems and seed % 10 == 1 and extract(text, source=f"<fuzz {seed}>") != record:
        problems.append("not deterministic")
    return seed, "; ".join(problems) or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=ROOT / "out" / "fuzz.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    failures: list[tuple[int, str]] = []
    seeds = range(args.seed, args.seed + args.count)
    with ProcessPoolExecutor(args.workers, initializer=_init) as pool:
        for i, (seed, problem) in enumerate(pool.map(run_case, seeds, chunksize=200), start=1):
            if problem:
                failures.append((seed, problem))
                print(f"FAIL seed={seed}: {problem}", file=sys.stderr)
            if i % 10_000 == 0:
                print(
                    f"{i} cases, {len(failures)} failures, {time.perf_counter() - started:.0f} s", flush=True
                )
    seconds = time.perf_counter() - started
    result = {
        "cases": args.count,
        "failures": len(failures),
        "seconds": round(seconds, 1),
        "first": failures[:20],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"fuzz: {args.count} cases, {len(failures)} failures in {seconds:.0f} s -> {args.json}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
