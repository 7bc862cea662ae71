"""Real inputs: web pages, JSON Lines dumps, legacy encodings and hostile files."""

from __future__ import annotations

import html
import json
import os
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pipeline import ArticleError, extract, extract_file, extract_paths
from pipeline.batch.run import run_batch
from pipeline.cli import app
from pipeline.io.load import decode

SEED = (ROOT / "corpus" / "thanhhoa-2022.txt").read_text(encoding="utf-8")
GOOD = "LĐLĐ tỉnh Nghệ An trao quà\nNgày 30-6, LĐLĐ tỉnh Nghệ An đã trao 200 suất quà cho đoàn viên.\n"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def page(text: str, published: str | None = "2022-12-01", how: str = "meta") -> str:
    """A web page as a newspaper site serves it: navigation, the article, related news, footer."""
    title, *body = text.splitlines()
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in body if line.strip())
    date = ""
    if published and how == "meta":
        date = f'<meta property="article:published_time" content="{published}T08:00:00+07:00">'
    elif published and how == "jsonld":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": published}
        date = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)} | Báo Lao Động</title>'
        f'<link rel="canonical" href="https://laodong.vn/cong-doan/bai-viet.ldo">{date}</head><body>'
        '<nav><a href="/">Trang chủ</a> <a href="/cong-doan">Công đoàn</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
        '<aside><h3>Tin khác</h3><ul><li><a href="/x">Trao 999 suất quà cho công nhân</a></li></ul></aside>'
        "<footer>© Báo Lao Động</footer></body></html>"
    )


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: base letters precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tone)
    return "".join(out).encode("cp1258")


def _achievements(record):
    return sorted((a.category, a.value, a.unit) for a in record.achievements)


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SEED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SEED.encode("utf-8"), "utf-8-sig"),
        (SEED.encode("utf-16"), "utf-16"),
        (SEED.encode("utf-16-le"), "utf-16-le"),
        (SEED.encode("utf-16-be"), "utf-16-be"),
        (cp1258(SEED), "cp1258"),
        (unicodedata.normalize("NFD", SEED).encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1258", "nfd"],
)
def test_every_encoding_gives_the_same_record(data: bytes, encoding: str, seed_record):
    text, found = decode(data, "seed")
    assert found == encoding
    record = extract(text, source="seed")
    assert record.text == seed_record.text
    assert _achievements(record) == _achievements(seed_record)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Liªn ®oµn Lao ®éng tØnh Thanh Ho¸ ®· ph¸t triÓn ®oµn viªn míi trong n¨m 2022. ", "TCVN3"),
        ("Lieân ñoaøn Lao ñoäng tænh Thanh Hoùa ñaõ phaùt trieån ñoaøn vieân môùi trong naêm 2022. ", "VNI"),
    ],
)
def test_legacy_font_encodings_are_reported_by_name(text: str, name: str):
    with pytest.raises(ArticleError) as exc:
        decode((text * 3).encode("cp1252"), "old.txt")
    assert name in exc.value.reason and exc.value.file == "old.txt"


# --- HTML ------------------------------------------------------------------------------------


def test_html_page_gives_the_text_dumps_achievements_and_its_metadata(tmp_path: Path, seed_record):
    path = tmp_path / "seed.html"
    path.write_text(page(SEED), encoding="utf-8")
    record = extract_file(path)
    assert record.title == seed_record.title
    assert record.published == "2022-12-01"
    assert record.source.format == "html"
    assert record.source.url == "https://laodong.vn/cong-doan/bai-viet.ldo"
    assert _achievements(record) == _achievements(seed_record)
    assert "999" not in record.text, "related news must not reach the text"


@pytest.mark.parametrize("how", ["meta", "jsonld"])
def test_html_publication_date_resolves_yearless_dates(tmp_path: Path, how: str):
    path = tmp_path / "a.html"
    path.write_text(page(GOOD, published="2017-07-02", how=how), encoding="utf-8")
    record = extract_file(path)
    assert record.published == "2017-07-02"
    assert "2017-06-30" in [d.value for d in record.dates]


def test_html_without_main_text_is_an_error(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    with pytest.raises(ArticleError) as exc:
        extract_file(path)
    assert "no main text" in exc.value.reason


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_gives_one_record_per_line_and_names_bad_lines(tmp_path: Path):
    dump = tmp_path / "crawl.jsonl"
    lines = [
        json.dumps(
            {"id": "a1", "text": GOOD, "url": "https://x/1", "published": "2017-07-02"}, ensure_ascii=False
        ),
        "{not json",
        json.dumps({"id": 7, "html": page(GOOD, published="2018-07-02")}, ensure_ascii=False),
        json.dumps({"title": "Không có nội dung"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"text": GOOD, "published": "02/07/2017"}, ensure_ascii=False),
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(extract_paths([dump]))
    records = [r for r in results if hasattr(r, "achievements")]
    errors = {r.file: r.reason for r in results if not hasattr(r, "achievements")}
    assert [(r.source.id, r.source.line, r.published) for r in records] == [
        ("a1", 1, "2017-07-02"),
        ("7", 3, "2018-07-02"),
    ]
    assert "2017-06-30" in [d.value for d in records[0].dates]
    assert set(errors) == {f"{dump}:2", f"{dump}:4", f"{dump}:5", f"{dump}:6"}
    assert "not valid JSON" in errors[f"{dump}:2"]
    assert "no 'text' or 'html'" in errors[f"{dump}:4"]
    assert "YYYY-MM-DD" in errors[f"{dump}:6"]


def test_jsonl_file_cannot_go_to_extract_file(tmp_path: Path):
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="many articles"):
        extract_file(dump)


def test_jsonl_outputs_stay_inside_the_output_folder(tmp_path: Path):
    dump = tmp_path / "in" / "d.jsonl"
    dump.parent.mkdir()
    ids = ["../../escape", "/abs/path", "a\nb", "x:y*z"]
    dump.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ids), encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([dump.parent], out)
    assert summary.articles == 4
    written = [p.resolve() for p in out.rglob("*.json")]
    assert len(written) == 4
    assert all(out.resolve() in p.parents for p in written)


# --- hostile files ---------------------------------------------------------------------------


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "loop").mkdir(parents=True)
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "page.html").write_text(page(GOOD), encoding="utf-8")
    (src / "tên lạ; (1) 'x'.txt").write_text(GOOD, encoding="utf-8")
    (src / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (src / "dump.jsonl").write_text(json.dumps({"text": GOOD}) + "\n{oops\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (src / "nul.txt").write_bytes(GOOD.encode()[:30] + b"\x00" + GOOD.encode()[30:])
    with (src / "huge.txt").open("wb") as f:  # 100 MB, sparse: fast to make
        f.truncate(100 * 1024 * 1024)
    (src / "loop" / "self").symlink_to(src / "loop", target_is_directory=True)
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    return src


def test_hostile_folder_processes_to_the_end(hostile: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(hostile), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    records = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    sources = sorted(Path(r["source"]["path"]).name for r in records)
    assert sources == ["dump.jsonl", "good.txt", "nul.txt", "page.html", "tên lạ; (1) 'x'.txt", "utf16.txt"]
    assert all("\x00" not in r["text"] for r in records)
    errors = {Path(e["file"]).name: e["reason"] for e in map(json.loads, (out / "errors.jsonl").open())}
    assert set(errors) == {"dump.jsonl:2", "empty.txt", "binary.txt", "huge.txt", "dangling.txt", "self"}
    assert "too large" in errors["huge.txt"] and "binary" in errors["binary.txt"]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_one_error(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = src / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    summary = run_batch([src], tmp_path / "out")
    assert (summary.articles, summary.errors) == (1, 1)


def test_file_vanishing_mid_run_is_one_error(tmp_path: Path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (src / name).write_text(GOOD, encoding="utf-8")
    from pipeline.batch import run as batch

    real = batch.process

    def vanish_then_process(job):
        (src / "c.txt").unlink(missing_ok=True)  # c goes away after the batch has hashed it
        return real(job)

    monkeypatch.setattr(batch, "process", vanish_then_process)
    summary = run_batch([src], tmp_path / "out")
    assert (summary.articles, summary.errors) == (2, 1)
    errors = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").open()]
    assert errors[0]["file"].endswith("c.txt") and "not found" in errors[0]["reason"]
