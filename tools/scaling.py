"""The scaling table of `make bench`: one article of growing size, in each shape a hostile folder
holds, through `extract` in a fresh process: seconds per MB and peak memory.

    python -m tools.scaling [--sizes 10e3,100e3,1e6,10e6] [--shapes real,slashes,...]

What is read is whether the cost per MB stays flat as the article grows (every stage linear, or
n log n, in the article's length), and where it sits against word_tokenize alone on the same
text: underthesea's tokenizer reads about 190 K characters a second, so any text that holds
names to settle costs at least that.

Shapes:
- real: the articles of corpus/ (and ../shared/corpus/dev) one after another, each line marked
  with its copy so the cleaner's repeat removal keeps it;
- one_line: the same text with no line breaks;
- slashes: "1/" repeated (a date-like figure every two bytes);
- money: "1.000.000 đồng " repeated (a figure every 15 bytes, one clause);
- word_lines: one word a line;
- names: union names with no punctuation at all (one sentence of the whole text).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHAPES = ("real", "one_line", "slashes", "money", "word_lines", "names")
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)


def sources() -> list[Path]:
    """The articles the bench builds its inputs from: corpus/, and ../shared/corpus/dev if there."""
    paths = sorted((ROOT / "corpus").glob("*.txt"))
    if (SHARED / "corpus" / "dev").is_dir():
        paths += sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    return paths


def articles() -> list[str]:
    """The texts of `sources()`."""
    return [p.read_text(encoding="utf-8") for p in sources()]


def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit.encode("utf-8")) + 1)


def make_text(shape: str, size: int) -> str:
    """About `size` bytes (UTF-8) of text in `shape`."""
    if shape in ("real", "one_line"):
        parts, total, copy = [], 0, 0
        texts = articles()
        while total < size:
            text = texts[copy % len(texts)].replace("\n", f" (bản {copy})\n")
            parts.append(text if shape == "real" else text.replace("\n", " "))
            total += len(text.encode("utf-8"))
            copy += 1
        return ("\n" if shape == "real" else " ").join(parts)
    if shape == "slashes":
        return "LĐLĐ tỉnh A\n" + _repeat("1/", size)
    if shape == "money":
        return "LĐLĐ tỉnh A\n" + _repeat("1.000.000 đồng ", size)
    if shape == "word_lines":
        return _repeat("đoàn\n", size)
    if shape == "names":
        return _repeat("Công đoàn Việt Nam Liên đoàn Lao động tỉnh Thanh Hóa ", size)
    raise ValueError(f"unknown shape {shape!r}; choose from {', '.join(SHAPES)}")


def peak_rss_mb() -> float:
    """This process's peak resident memory. /proc's VmHWM first: Linux carries ru_maxrss across
    exec, so a child started by a bigger parent would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _one(shape: str, size: int, tokenizer: bool, again: bool = False) -> dict[str, Any]:
    """Runs in the child: the measure of one text, models loaded before the clock starts."""
    import time

    from pipeline import extract
    from pipeline.batch.executor import warm_up

    warm_up()
    text = make_text(shape, size)
    mb = len(text.encode("utf-8")) / 1e6
    start = time.perf_counter()
    record = extract(text)
    seconds = time.perf_counter() - start
    result = {
        "shape": shape,
        "mb": mb,
        "seconds": seconds,
        "s_per_mb": seconds / mb,
        "peak_mb": peak_rss_mb(),
        "achievements": len(record.achievements),
    }
    if again:  # an equal text of another object, in the same process: a duplicate in a batch
        copy = text.encode("utf-8").decode("utf-8")
        start = time.perf_counter()
        extract(copy)
        result["again_s_per_mb"] = (time.perf_counter() - start) / mb
    if tokenizer:  # word_tokenize alone over the same text, sentence by sentence as the stage does
        from underthesea import sent_tokenize, word_tokenize

        start = time.perf_counter()
        for line in text.splitlines():
            for sentence in sent_tokenize(line):
                word_tokenize(sentence)
        result["word_tokenize_s_per_mb"] = (time.perf_counter() - start) / mb
    return result


def measure(
    shape: str, size: int, tokenizer: bool = False, again: bool = False, timeout: float = 1800
) -> dict[str, Any]:
    """One measure in a fresh process (its peak memory is its own)."""
    command = [sys.executable, "-m", "tools.scaling", "--one", shape, str(size)]
    command += ["--tokenizer"] * tokenizer + ["--again"] * again
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, timeout=timeout)
    return dict(json.loads(done.stdout.splitlines()[-1]))


# Fresh processes per measure, the fastest kept: this machine's speed moves by a third from one
# minute to the next (two runs of one 10 MB text, minutes apart: 1.40 and 1.86 s/MB), and what is
# not the pipeline's own cost only ever adds time.
REPEATS = 3


def table(
    sizes: tuple[int, ...] = SIZES, shapes: tuple[str, ...] = SHAPES, repeats: int = REPEATS
) -> list[dict[str, Any]]:
    """Per shape and size, the best of `repeats` measures (the tokenizer's rate the best of its
    own, the peak memory the largest)."""
    rows = []
    for shape in shapes:
        for size in sizes:
            # the tokenizer's own rate once per shape, at 1 MB (or the largest size below it)
            at = max((s for s in sizes if s <= 1_000_000), default=sizes[0])
            # and once an equal copy after it, in the same process (nothing may be keyed on equality)
            runs = [
                measure(shape, size, tokenizer=shape in ("real", "names") and size == at, again=size == at)
                for _ in range(max(1, repeats))
            ]
            best = dict(min(runs, key=lambda r: r["s_per_mb"]))
            best["peak_mb"] = max(r["peak_mb"] for r in runs)
            best["runs"] = [round(r["s_per_mb"], 3) for r in runs]
            for key in ("word_tokenize_s_per_mb", "again_s_per_mb"):
                if key in best:
                    best[key] = min(r[key] for r in runs)
            rows.append(best)
    return rows


def flatness(rows: list[dict[str, Any]], shape: str) -> float | None:
    """Largest s/MB over smallest, from 100 KB up (below it, fixed costs dominate)."""
    rates = [r["s_per_mb"] for r in rows if r["shape"] == shape and r["mb"] >= 0.09]
    return max(rates) / min(rates) if len(rates) > 1 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    parser.add_argument("--tokenizer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--again", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument(
        "--repeats", type=int, default=REPEATS, help="fresh processes per measure; the best kept"
    )
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one[0], int(float(args.one[1])), args.tokenizer, args.again)))
        return 0
    sizes = tuple(int(float(s)) for s in args.sizes.split(","))
    rows = table(sizes, tuple(args.shapes.split(",")), args.repeats)
    for row in rows:
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
