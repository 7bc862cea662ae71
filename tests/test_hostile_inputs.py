"""Inputs that used to hang a batch, read it twice or crash the library (issue 16's findings)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from pipeline import ArticleError, extract
from pipeline.batch.run import run_batch

GOOD = "LĐLĐ tỉnh Nghệ An\nLĐLĐ tỉnh Nghệ An đã trao 200 suất quà cho đoàn viên.\n"


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]


def _errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").open(encoding="utf-8")]


def test_a_fifo_and_a_device_are_named_errors_not_hangs(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # named as an input: followed, then refused
    summary = run_batch([src, tmp_path / "zero.txt"], tmp_path / "out")
    assert summary.articles == 1
    reasons = {Path(e["file"]).name: e["reason"] for e in _errors(tmp_path / "out")}
    assert "named pipe" in reasons["pipe.txt"] and "device" in reasons["zero.txt"]


def test_links_in_a_folder_to_files_outside_it_or_to_folders_are_named_not_read(tmp_path: Path):
    """/etc/passwd became a record through a link in the input folder; folder links were skipped
    without a word."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "sub" / "inside.txt").symlink_to(src / "good.txt")  # inside: the same file, read once
    secret = tmp_path / "secret.txt"
    secret.write_text("LĐLĐ tỉnh B\nLĐLĐ tỉnh B kết nạp 300 đoàn viên.\n", encoding="utf-8")
    (src / "passwd.txt").symlink_to(secret)
    (src / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    summary = run_batch([src], tmp_path / "out")
    assert (summary.articles, summary.errors) == (1, 2)
    reasons = {Path(e["file"]).name: e["reason"] for e in _errors(tmp_path / "out")}
    assert "outside the input folder" in reasons["passwd.txt"] and "secret.txt" in reasons["passwd.txt"]
    assert "link to a folder" in reasons["elsewhere"]
    assert [r["source"]["path"] for r in _records(tmp_path / "out")] == [str(src / "good.txt")]
    # named on the command line, a link is the user's choice and is read
    assert run_batch([src / "passwd.txt"], tmp_path / "out2").articles == 1


def test_a_run_in_the_articles_folder_never_reads_its_own_output(tmp_path: Path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(3):
        run_batch([tmp_path], out)
    assert len(_records(out)) == 1


def test_each_input_is_read_once_however_often_it_is_named(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    run_batch([src, src / "a.txt", src], tmp_path / "out")
    assert len(_records(tmp_path / "out")) == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("LĐLĐ tỉnh A\nLĐLĐ tỉnh A kết nạp 2.3\u200d18 đoàn viên.", 2318),
        ("LĐLĐ tỉnh A\nLĐLĐ tỉnh A kết nạp 2\u00ad318 đoàn viên.", 2318),
    ],
)
def test_invisible_characters_do_not_split_a_figure(text: str, value: int):
    assert [q.value for q in extract(text).quantities] == [value]


GURUNG_KHEMA_ZERO = "\U00016130"  # a digit of Unicode 16: the regex module's \d, not Python 3.11's


@pytest.mark.skipif(GURUNG_KHEMA_ZERO.isdecimal(), reason="this Python reads the digit")
def test_a_digit_this_python_cannot_read_is_no_figure():
    record = extract(f"LĐLĐ tỉnh A\nLĐLĐ tỉnh A kết nạp 5{GURUNG_KHEMA_ZERO} đoàn viên, ٣ người.")
    assert record.text.endswith("kết nạp 5\ufffd đoàn viên, ٣ người.")  # one character for one
    assert [q.value for q in record.quantities] == [5, 3]  # digits it knows are read


def test_a_line_separator_does_not_merge_the_article_into_its_title():
    record = extract("LĐLĐ tỉnh A\u2028LĐLĐ tỉnh A kết nạp 300 đoàn viên.")
    assert record.title == "LĐLĐ tỉnh A"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "LĐLĐ tỉnh A\nLĐLĐ tỉnh A hỗ trợ 1" + "0" * 400 + " đồng."},  # past any float
        {"text": "LĐLĐ A\nNăm qua, Tết đến", "published": "9999-12-31"},  # past the calendar
        {"text": "LĐLĐ A\n\ud800 kết nạp 3 đoàn viên"},  # a lone surrogate
        {"text": "LĐLĐ A\nNăm qua", "published": dt.datetime(2017, 1, 1, 5)},
    ],
)
def test_the_library_raises_only_article_errors(kwargs):
    try:
        record = extract(**kwargs)
    except ArticleError as error:
        assert error.reason
    else:
        assert record.text


def test_a_wrong_argument_type_is_a_type_error():
    with pytest.raises(TypeError):
        extract("LĐLĐ A", source=None)  # type: ignore[arg-type]


def test_a_mixed_folder_names_what_it_skipped_and_refuses_documents_by_their_bytes(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.pdf").write_bytes(b"%PDF-1.4 ...")
    (src / "c.txt").write_bytes(b"%PDF-1.4 ...")  # a PDF named .txt
    (src / "d.docx").write_bytes(b"PK\x03\x04...")
    (src / "notes.md").write_text("# notes", encoding="utf-8")
    summary = run_batch([src], tmp_path / "out")
    assert summary.skipped == {".pdf": 1, ".docx": 1, ".md": 1}
    assert "3 skipped: 1 .docx, 1 .md, 1 .pdf" in summary.line(tmp_path / "out")
    [error] = _errors(tmp_path / "out")
    assert error["file"].endswith("c.txt") and "PDF document" in error["reason"] and ".txt" in error["reason"]


def test_extract_paths_walks_folders_and_refuses_a_bare_string(tmp_path: Path):
    from pipeline import extract_paths

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("200", "300"), encoding="utf-8")
    results = list(extract_paths([tmp_path]))
    assert sorted(r.achievements[0].value for r in results) == [200, 300]
    with pytest.raises(TypeError, match="list of paths"):
        list(extract_paths(str(tmp_path)))  # type: ignore[arg-type]


def test_json_lines_keys_and_short_html_fragments(tmp_path: Path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    src = tmp_path / "in.jsonl"
    lines = [
        {"content": GOOD, "uid": "x1", "date": "2023-05-02"},
        {"html": "<p>LĐLĐ tỉnh Nghệ An</p><p>LĐLĐ tỉnh Nghệ An đã trao 300 suất quà.</p>", "uid": "x2"},
    ]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    args = ["run", str(src), "--out", str(tmp_path / "o"), "-q"]
    result = CliRunner().invoke(
        app, [*args, "--text-key", "content", "--id-key", "uid", "--date-key", "date"]
    )
    assert result.exit_code == 0, result.output
    records = _records(tmp_path / "o")
    assert [r["source"]["id"] for r in records] == ["x1", "x2"]
    assert records[0]["published"] == "2023-05-02"
    assert [a["value"] for a in records[1]["achievements"]] == [300]


def test_a_json_lines_line_past_the_limit_is_named_without_being_held(tmp_path: Path, monkeypatch):
    """A 1.5 GB line was read whole before its length was checked."""
    from pipeline.io import sources

    monkeypatch.setattr(sources, "MAX_LINE_BYTES", 1000)
    src = tmp_path / "dump.jsonl"
    long_line = json.dumps({"text": GOOD + "x" * 5000})
    src.write_text("\n".join([json.dumps({"text": GOOD}), long_line, json.dumps({"text": GOOD})]) + "\n")
    read: list[int] = []
    real = sources._lines

    def spying(f):
        for line in real(f):
            read.append(len(line) if isinstance(line, bytes) else 0)
            yield line

    monkeypatch.setattr(sources, "_lines", spying)
    docs = list(sources.documents(src, "dump"))
    assert [type(d).__name__ for d in docs] == ["Document", "ErrorResult", "Document"]
    assert "line too long" in docs[1].reason and docs[1].file.endswith("dump.jsonl:2")
    assert max(read) <= 1001  # no line longer than the limit was held


def test_a_text_too_long_for_an_article_is_named(tmp_path: Path, monkeypatch):
    from pipeline.io import sources

    monkeypatch.setattr(sources, "MAX_ARTICLE_CHARS", 500)
    (tmp_path / "book.txt").write_text(GOOD * 20, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    summary = run_batch([tmp_path], tmp_path / "out")
    assert (summary.articles, summary.errors) == (1, 1)
    (error,) = _errors(tmp_path / "out")
    assert error["file"].endswith("book.txt") and "too long for one article" in error["reason"]


def test_what_a_text_yields_is_remembered_by_identity_never_compared_character_by_character():
    # Keyed by equality, a second article equal to the first (the same text extracted twice in
    # one process, a duplicate in a batch) compared the two whole texts at every figure's lookup:
    # a second run over 3 MB of amounts took 8 s/MB instead of 0.5.
    from pipeline.achievements.clause import _marks
    from pipeline.core.spans import near_digits

    compared: list[str] = []

    class Watched(str):
        __hash__ = str.__hash__

        def __eq__(self, other: object) -> bool:
            compared.append(self)
            return str.__eq__(self, other)

    first, second = Watched("Trao 1.000.000 đồng; " * 50), Watched("Trao 1.000.000 đồng; " * 50)
    for derive in (near_digits, _marks):
        assert derive(first) == derive(second)
        assert derive(second) is derive(second)
    assert compared == []
