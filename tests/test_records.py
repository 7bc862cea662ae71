from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from pydantic import ValidationError

from pipeline import ArticleRecord, extract
from pipeline.output.models import SCHEMA_VERSION


def _spans(record: ArticleRecord):
    yield from record.entities
    yield from record.quantities
    yield from record.dates
    yield from record.ordinals
    yield from (a.evidence for a in record.achievements)


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt")), ids=lambda p: p.name)
def test_every_span_is_honest(path: Path):
    from pipeline import extract_file

    record = extract_file(path)
    spans = list(_spans(record))
    assert spans
    for s in spans:
        assert record.text[s.start : s.end] == s.text


def test_validator_rejects_a_dishonest_span(seed_record):
    data = seed_record.model_dump(mode="json")
    data["quantities"][0]["start"] += 1
    with pytest.raises(ValidationError, match="quantities"):
        ArticleRecord.model_validate(data)


def test_models_forbid_unknown_fields(seed_record):
    data = seed_record.model_dump(mode="json")
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        ArticleRecord.model_validate(data)


def test_seed_record_matches_the_contract(seed_record):
    assert seed_record.schema_version == SCHEMA_VERSION
    assert seed_record.title == "Vững tin bước vào nhiệm kỳ mới"
    assert "Có thể bạn quan tâm" not in seed_record.text
    assert seed_record.organization is not None
    assert seed_record.organization.name == "LĐLĐ tỉnh Thanh Hóa"
    growth = [a for a in seed_record.achievements if a.category == "membership_growth"]
    assert [(a.value, a.unit, a.target_percent, a.as_of) for a in growth] == [
        (32215, "đoàn viên", 107.3, "2022-11-25")
    ]
    assert seed_record.abbreviations["CĐCS"] == "Công đoàn cơ sở"


def test_same_text_same_id_and_deterministic():
    text = (ROOT / "corpus" / "thanhhoa-2022.txt").read_text(encoding="utf-8")
    a, b = extract(text), extract(text)
    assert a.id == b.id
    assert a.model_dump_json() == b.model_dump_json()


def test_published_resolves_yearless_dates():
    record = extract("Tin ngày 30-6\nNgày 30-6, LĐLĐ tỉnh trao 10 suất quà.", published="2017-02-02")
    assert "2017-06-30" in [d.value for d in record.dates]


def test_schema_file_matches_models():
    committed = json.loads((ROOT / "schemas" / "article_record.schema.json").read_text(encoding="utf-8"))
    assert committed == ArticleRecord.model_json_schema(), "run `make schemas` and commit the result"


def test_plans_and_stock_figures_are_kept_apart_from_achievements():
    record = extract(
        "LĐLĐ tỉnh A năm 2023\nNăm 2023, LĐLĐ tỉnh A phấn đấu kết nạp 8.000 đoàn viên. "
        "Hiện toàn tỉnh có 117.581 đoàn viên. Năm 2022, LĐLĐ tỉnh A đã kết nạp 7.500 đoàn viên."
    )
    assert [a.value for a in record.achievements] == [7500]
    assert [(f.value, f.category, f.cue) for f in record.targets] == [(8000, "membership_growth", "phấn đấu")]
    assert [(f.value, f.cue) for f in record.statistics] == [(117581, "toàn tỉnh có")]
    for figure in record.targets + record.statistics:
        assert record.text[figure.evidence.start : figure.evidence.end] == figure.evidence.text


def test_beneficiaries_come_from_the_clause_after_the_figure():
    record = extract(
        "LĐLĐ tỉnh A\nLĐLĐ tỉnh A đã trao 200 suất quà cho đoàn viên có hoàn cảnh khó khăn tại KCN. "
        "Công đoàn đã kết nạp 50 đoàn viên."
    )
    assert [(a.value, a.beneficiaries) for a in record.achievements] == [
        (200, "đoàn viên có hoàn cảnh khó khăn"),
        (50, None),
    ]


def test_a_period_without_its_year_takes_the_year_of_the_nearest_dated_place():
    """make fuzz found a period whose end had no year ("--06-20") crash the period's last day.
    A period with no year at all takes the year the paragraph gives, a year apart across New Year."""
    record = extract(
        "LĐLĐ tỉnh A\nTừ ngày 15/5/2017 đến 20/6, LĐLĐ tỉnh A đã tặng 100 suất quà. "
        "Từ 15/12 đến 15/1, Công đoàn đã tặng 30 suất quà."
    )
    assert [(a.value, a.period and (a.period.start, a.period.end)) for a in record.achievements] == [
        (100, ("2017-05-15", "2017-06-20")),
        (30, ("2017-12-15", "2018-01-15")),
    ]


def test_the_counted_noun_settles_the_category_over_some_cues():
    record = extract(
        "LĐLĐ quận A\nCông đoàn cơ sở Công ty B vừa chính thức thành lập ngày 11/5/2017 với 32 đoàn viên. "
        "LĐLĐ quận A đã tặng quà 300 đoàn viên. LĐLĐ quận A đã hỗ trợ thành lập 5 công đoàn cơ sở."
    )
    assert [(a.value, a.category) for a in record.achievements] == [
        (32, "membership_growth"),  # a new union's members were recruited
        (300, "welfare_support"),  # members who received gifts
        (5, "union_establishment"),
    ]


def test_a_cue_that_leads_the_next_figure_is_that_figures():
    record = extract(
        "LĐLĐ quận A\nCông đoàn quận A đã thành lập mới được 6 công đoàn cơ sở với 2.667 đoàn viên, "
        "ký TƯLĐTT với 4 đơn vị. Biểu dương 50 gương điển hình và tôn vinh 77 cá nhân tiêu biểu. "
        "Có 8 đoàn viên được vay vốn từ quỹ “Trợ vốn phát triển kinh tế gia đình” với số tiền 40 triệu đồng."
    )
    assert [(a.value, a.category) for a in record.achievements] == [
        (6, "union_establishment"),
        (2667, "membership_growth"),  # not the bargaining that leads the 4
        (4, "collective_bargaining"),
        (50, "award"),
        (77, "award"),
        (8, "welfare_support"),
        (40000000, "welfare_support"),  # "phát triển" inside the fund's quoted name is no cue
    ]


def _figures_and_hits(path: Path) -> tuple:
    from pipeline import stages
    from pipeline.achievements.clause import clause
    from pipeline.achievements.hits import find_hits, stretches
    from pipeline.core.article import Article, TextSpan
    from pipeline.core.stage import run_stages

    article = run_stages(Article(raw=path.read_text(encoding="utf-8"), source=path.name), stages.STAGES[:-1])
    text = article.text
    figures = [q for q in article.quantities if q.kind in ("count", "money")]
    clauses = [clause(text, q.start, q.end, article.sentence_at(q.start)) for q in figures]
    up_to = [TextSpan(span.start, q.end) for q, span in zip(figures, clauses, strict=True)]
    return text, figures, clauses, find_hits(text, stretches(text, clauses), stretches(text, up_to))


def test_the_figures_clauses_made_at_once_are_those_asked_one_by_one():
    """`figure_clauses` (arrays for all figures, as the achievements use) gives each figure the
    sentence `Article.sentence_at` and the clause `clause` give it, including a figure outside
    every sentence (the whole text) and figures out of text order."""
    from pipeline import stages
    from pipeline.achievements.clause import clause, figure_clauses
    from pipeline.core.article import Article, Spans, TextSpan
    from pipeline.core.stage import run_stages

    checked = 0
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        article = run_stages(
            Article(raw=path.read_text(encoding="utf-8"), source=path.name), stages.STAGES[:-1]
        )
        text = article.text
        figures = [q for q in article.quantities if q.kind in ("count", "money")][::-1]
        sentences, clauses = figure_clauses(text, figures, article.scratch.sentences)
        for q, sentence, span in zip(figures, sentences, clauses, strict=True):
            assert sentence == article.sentence_at(q.start)
            assert span == clause(text, q.start, q.end, sentence)
            checked += 1
        # the first figure in a gap after the only sentence
        article.scratch.sentences = Spans([TextSpan(0, figures[-1].start)])
        sentences, _ = figure_clauses(text, figures[-1:], article.scratch.sentences)
        assert sentences[0] == article.sentence_at(figures[-1].start) == TextSpan(0, len(text))
    assert checked > 30


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt")), ids=lambda p: p.name)
def test_cues_found_within_the_figures_clauses_are_the_whole_text_s(path: Path):
    """The achievements read cues only in the clauses that hold figures: in each such clause they
    are exactly the cues a scan of the whole text finds there."""
    from pipeline.achievements.hits import find_hits

    text, figures, clauses, near = _figures_and_hits(path)
    assert clauses
    whole = find_hits(text, [(0, len(text))], [(0, len(text))])
    assert len(near.category) <= len(whole.category)
    for span in clauses:

        def inside(hits: list, start=span.start, end=span.end) -> list:
            return [h for h in hits if start <= h[0] < end]

        assert inside(near.category) == inside(whole.category)
    for q, span in zip(figures, clauses, strict=True):  # the exclusion cues: up to each figure
        for kind, (_, matches) in whole.exclusions.items():

            def before(hits: list, start=span.start, end=q.start) -> list:
                return [h for h in hits if start <= h[0] < end]

            assert before([m.span() for m in near.exclusions[kind][1]]) == before([m.span() for m in matches])


def test_a_figure_with_no_cue_around_it_has_no_category_nor_exclusion():
    """`Hits.none_around` lets the achievements skip a figure without weighing it: for every figure
    of the corpus it is true of (and whose noun does not name a category alone), the weighing
    would find no category and no plan, stock or other cue."""
    from pipeline.achievements.category import categorise
    from pipeline.achievements.clause import exclusion
    from pipeline.achievements.cues import cues

    skipped = weighed = 0
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text, figures, clauses, hits = _figures_and_hits(path)
        for q, span in zip(figures, clauses, strict=True):
            unit = "VND" if q.kind == "money" else cues().units.get(q.unit or "", q.unit)
            if unit in cues().units_alone or not hits.none_around(span, q.start):
                weighed += 1
                continue
            skipped += 1
            assert categorise(text, q, span, unit, hits) is None
            assert exclusion(text, q, span, hits) in (None, ("other", None))
    assert skipped and weighed  # both kinds of figure are there to check
