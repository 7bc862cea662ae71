"""The architecture's promises: stages declare their layers and the order is checked, an extractor
is a folder plus one line, rule files are validated against their schemas, modules stay small."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from pipeline import extract
from pipeline.core import examples, rules
from pipeline.core.article import OUTPUT_LAYERS, SCRATCH_LAYERS, Article
from pipeline.core.stage import StageOrderError, check_order, load, needed_for
from pipeline.output.models import ArticleRecord
from pipeline.stages import PIPELINE, STAGES


def test_a_stage_listed_before_what_it_requires_fails_naming_both():
    by_name = {s.name: s for s in STAGES}
    order = [s for s in STAGES if s.name != "dates"]
    order.insert(order.index(by_name["quantities"]) + 1, by_name["dates"])  # dates after quantities
    with pytest.raises(StageOrderError, match=r"stage 'quantities' requires 'dates', which stage 'dates'"):
        check_order(order)


def test_a_layer_nobody_provides_is_named():
    without_references = [s for s in STAGES if s.name != "references"]
    with pytest.raises(StageOrderError, match=r"'dates' requires 'documents', which no stage provides"):
        check_order(without_references)


def test_every_layer_a_stage_names_is_a_layer_of_the_article():
    known = {*OUTPUT_LAYERS, *SCRATCH_LAYERS, "raw", "source", "published"}
    for stage in STAGES:
        assert set(stage.requires) | set(stage.provides) <= known, stage.name


def test_the_record_takes_every_output_layer_by_name():
    assert set(OUTPUT_LAYERS) <= set(ArticleRecord.model_fields)
    assert not set(SCRATCH_LAYERS) & set(ArticleRecord.model_fields)


def test_a_corpus_runs_only_the_stages_its_extractor_needs():
    names = [s.name for s in needed_for(STAGES, "dates")]
    assert names == ["clean", "references", "dates"]  # no tokenizing, no entities, no quantities


TOY_STAGE = '''
    """A toy extractor: the words in capitals."""
    import regex

    from pipeline.core.article import Article
    from pipeline.core.stage import Stage

    CAPS = regex.compile(r"\\b[\\p{Lu}Đ]{2,}\\b")


    def run(article: Article) -> Article:
        article.scratch.extra["shouting"] = [m.group() for m in CAPS.finditer(article.text)]
        return article


    STAGE = Stage("shouting", run, requires=("text",), provides=("shouting",))
'''
TOY_CORPUS = """
    stage: shouting
    layer: shouting
    positive:
      - {text: "LĐLĐ tỉnh và CĐCS", expect: [LĐLĐ, CĐCS]}
    negative:
      - "không có chữ in hoa"
"""


def test_a_new_extractor_is_a_folder_and_one_line(tmp_path: Path, monkeypatch):
    folder = tmp_path / "toy_extractor"
    folder.mkdir()
    (folder / "__init__.py").write_text("", encoding="utf-8")
    (folder / "stage.py").write_text(textwrap.dedent(TOY_STAGE), encoding="utf-8")
    (folder / "corpus.yaml").write_text(textwrap.dedent(TOY_CORPUS), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    stages = check_order([load(path) for path in [*PIPELINE, "toy_extractor"]])  # the one line
    found = [ex for path in examples.corpora(tmp_path) for ex in examples.examples(path, tmp_path)]
    assert len(found) == 2
    for example in found:
        examples.check(example, stages)
    sys.modules.pop("toy_extractor.stage", None)
    sys.modules.pop("toy_extractor", None)


def test_every_rule_file_has_a_schema_and_matches_it():
    names = rules.files()
    assert {"places", "organizations", "dates", "units", "achievements", "cleaning"} <= set(names)
    for name in names:
        assert rules.load(name)["version"] >= 1


def test_rule_and_corpus_files_read_as_the_pure_python_loader_reads_them():
    """`parse_yaml` uses libyaml where PyYAML has it: the same data, dates and numbers included."""
    for path in sorted((ROOT / "pipeline").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert rules.parse_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader), path.name


def test_a_misspelt_key_fails_naming_the_file_and_the_key():
    data = dict(rules.load("dates"))
    data["weekday"] = data.pop("weekdays")
    with pytest.raises(rules.RuleFileError, match=r"dates\.yaml: .*weekday.*"):
        rules.validate("dates", data)


def test_a_regex_entry_must_compile_and_plain_words_stay_plain():
    data = yaml.safe_load(yaml.safe_dump(rules.load("achievements"), allow_unicode=True))
    data["stock_cues"].append({"regex": "(unclosed"})
    with pytest.raises(rules.RuleFileError, match=r"achievements\.yaml: stock_cues"):
        rules.validate("achievements", data)


def test_a_name_compound_must_begin_with_a_name_breaker():
    data = yaml.safe_load(yaml.safe_dump(rules.load("people"), allow_unicode=True))
    data["name_compounds"].append("Giáo dục")  # "Giáo" breaks no name: the entry would do nothing
    with pytest.raises(rules.RuleFileError, match=r"people\.yaml: .*Giáo dục"):
        rules.validate("people", data)


def test_a_programme_must_be_a_category_cue():
    data = yaml.safe_load(yaml.safe_dump(rules.load("achievements"), allow_unicode=True))
    data["programmes"].append("Mái ấm Công đoàn")  # no category lists it: the entry would do nothing
    with pytest.raises(rules.RuleFileError, match=r"achievements\.yaml: .*Mái ấm Công đoàn"):
        rules.validate("achievements", data)


def test_no_module_is_over_300_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "pipeline").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert long == {}


def test_scratch_layers_stay_out_of_the_record():
    record = extract("LĐLĐ tỉnh A\nLĐLĐ tỉnh đã phát triển 120 đoàn viên.")
    dumped = record.model_dump()
    assert "tokens" not in dumped and "blocked" not in dumped
    article = Article(raw="x", source="x")
    assert article.layer("sentences") == [] and article.layer("tokens") is None
    assert article.layer("achievements") == []
