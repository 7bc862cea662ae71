"""The HTML report in a real browser (headless Chromium through selenium and the system's
chromedriver): no console errors, every mention highlighted, sorting reorders rows, a hostile
article shows as text. Screenshots go to out/test-artifacts/. Skipped, saying why, when Chromium
or its driver is absent (`.ci/run` installs them)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.batch.run import run_batch
from pipeline.report.html import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="headless Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
)
ARTIFACTS = ROOT / "out" / "test-artifacts"
HOSTILE = {
    "id": "hostile",
    "title": "<script>alert('x')</script> LĐLĐ tỉnh \"A\" ‮ngược‬",
    "text": "<script>alert('x')</script> LĐLĐ tỉnh \"A\" ‮ngược‬\n"
    "LĐLĐ tỉnh Nghệ An đã trao 200 suất quà cho Nguyễn​Văn​A <b>bold</b> "
    + "rất dài " * 400
    + "và kết nạp 50 đoàn viên.",
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    base = tmp_path_factory.mktemp("report")
    src = base / "in"
    src.mkdir()
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        shutil.copy(path, src / path.name)
    (src / "hostile.jsonl").write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    out = base / "out"
    run_batch([src], out)
    write_report(out, base / "html")
    records = [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]
    return base / "html", records


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_index_shows_totals_chart_and_sorts(report, browser):
    from selenium.webdriver.common.by import By

    html_dir, records = report
    browser.get((html_dir / "index.html").as_uri())
    assert _errors(browser) == []
    rows = browser.find_elements(By.CSS_SELECTOR, "#achievements tbody tr")
    assert len(rows) == sum(len(r["achievements"]) for r in records)
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    header = browser.find_elements(By.CSS_SELECTOR, "#achievements th")[3]  # giá trị
    header.click()
    values = [
        float(td.get_attribute("data-sort") or 0)
        for td in browser.find_elements(By.CSS_SELECTOR, "#achievements tbody tr td:nth-child(4)")
    ]
    assert values == sorted(values)
    header.click()
    values = [
        float(td.get_attribute("data-sort") or 0)
        for td in browser.find_elements(By.CSS_SELECTOR, "#achievements tbody tr td:nth-child(4)")
    ]
    assert values == sorted(values, reverse=True)
    box = browser.find_element(By.CSS_SELECTOR, "input.filter")
    box.send_keys("Long Biên")
    shown = [r for r in browser.find_elements(By.CSS_SELECTOR, "#achievements tbody tr") if r.is_displayed()]
    assert shown and all("Long Biên" in r.text for r in shown)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "report-index.png"))


def test_every_mention_is_highlighted(report, browser):
    from selenium.webdriver.common.by import By

    html_dir, records = report
    record = next(r for r in records if r["source"]["path"].endswith("thanhhoa-2022.txt"))
    browser.get((html_dir / "articles" / f"{record['id']}.html").as_uri())
    assert _errors(browser) == []
    text = browser.find_element(By.CSS_SELECTOR, "div.text")
    mentions = len(record["entities"]) + len(record["quantities"]) + len(record["dates"])
    skipped = int(text.get_attribute("data-skipped"))
    marks = browser.find_elements(By.CSS_SELECTOR, "div.text mark")
    assert len(marks) + skipped == mentions and skipped <= mentions // 20
    figures = browser.find_elements(By.CSS_SELECTOR, "div.text mark.ach")
    assert len(figures) == len([a for a in record["achievements"] if a.get("figure")])
    browser.save_screenshot(str(ARTIFACTS / "report-article.png"))


def test_a_hostile_article_renders_as_text(report, browser):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    html_dir, records = report
    record = next(r for r in records if r["source"].get("id") == "hostile")
    browser.get((html_dir / "articles" / f"{record['id']}.html").as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - the script must not have run
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "<script>alert('x')</script>" in body and "<b>bold</b>" in body
    assert _errors(browser) == []
