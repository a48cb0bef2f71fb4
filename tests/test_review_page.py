"""The review page in a real browser: headless Chromium driven by Selenium (Debian packages
chromium and chromium-driver; `.ci/run` installs them). Skipped where they are absent.
The screenshot is kept as a test artefact in tests/artifacts/review.png."""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest

from sco_corpus.cli import main
from sco_corpus.report import render, write_review_page
from sco_corpus.report.page import anchor

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium not installed")


@pytest.fixture(scope="module")
def page(booklet, tmp_path_factory):
    alignment = booklet.align()
    findings = booklet.check(alignment)
    path = write_review_page(booklet, alignment, findings,
                             tmp_path_factory.mktemp("page") / "review.html")
    return path, alignment, findings


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def _count(browser, selector: str) -> int:
    return browser.execute_script(f"return document.querySelectorAll('{selector}').length")


def test_page_is_self_contained(page):
    html = page[0].read_text(encoding="utf-8")
    assert "http://" not in html.split("<body")[0] and "<link" not in html
    assert "src=" not in html.replace("data-", "")


def test_units_and_findings_render_filter_and_jump(page, browser):
    path, alignment, findings = page
    browser.get(path.as_uri())
    assert _count(browser, "tr.unit") == len(alignment)
    assert _count(browser, "#findings li") == len(findings)
    assert _count(browser, "tr.unit:not(.hidden)") == len(alignment)

    # filter: errors only, units with findings only
    for box in browser.find_elements("css selector", 'input[name="severity"]'):
        if box.get_attribute("value") != "error":
            box.click()
    browser.find_element("id", "f-flagged").click()
    flagged = {f.unit for f in findings if f.severity == "error" and f.unit}
    assert _count(browser, "tr.unit:not(.hidden)") == len(flagged)
    assert _count(browser, "#findings li:not(.hidden)") == sum(
        f.severity == "error" for f in findings)

    # a finding link scrolls its unit into view
    number = next(f for f in findings if f.check == "number" and f.severity == "error")
    browser.find_element("css selector", f'#findings a[href="#{anchor(number.unit)}"]').click()
    top, height = browser.execute_script(
        f"const r = document.getElementById('{anchor(number.unit)}').getBoundingClientRect();"
        "return [r.top, window.innerHeight];")
    assert 0 <= top < height
    assert browser.execute_script("return location.hash") == f"#{anchor(number.unit)}"


def test_clause_level_evidence_is_highlighted_in_the_languages_that_have_it(booklet, page):
    """A finding whose evidence quotes a part of a unit's text (a clause another language
    lacks) marks that part, in each language that has it; whole-unit evidence marks nothing."""
    _, alignment, findings = page
    flagged = {f.unit for f in findings}
    unit = next(u for u in alignment if u.id not in flagged and all(u.sentences.values())
                and len(u.text("ru")) > 60)
    pieces = {"ru": unit.text("ru")[10:40].strip(), "en": unit.text("en")[5:30].strip()}
    clause = replace(findings[0], check="omission", langs=("zh",), section=unit.section,
                     unit=unit.id, evidence=pieces, message="zh lacks a clause", id="omission-x")
    html = render(booklet, alignment, [*findings, clause])
    for piece in pieces.values():
        assert f'<mark class="piece">{escape(piece)}</mark>' in html
    before = render(booklet, alignment, findings).count('<mark class="piece">')
    assert html.count('<mark class="piece">') == before + 2


def _pick(browser, finding_id: str, state: str) -> None:
    browser.find_element("css selector", f'input[name="t-{finding_id}"][value="{state}"]').click()


def _tally(browser) -> dict[str, int]:
    return {s: int(browser.find_element("id", f"n-{s}").text)
            for s in ("open", "accepted", "dismissed")}


def _downloaded(folder: Path) -> Path:
    for _ in range(100):
        done = list(folder.glob("*.json"))
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no download in {folder}")


def test_triage_survives_a_reload_and_becomes_the_baseline(page, browser, downloads, tmp_path,
                                                           capsys):
    """Two findings accepted (one by keyboard), one dismissed with a note: the tally, the
    triage filter and a reload keep them; the downloaded baseline makes `sco-corpus check`
    leave out exactly those three; importing it restores them in a fresh browser storage."""
    from selenium.webdriver.common.keys import Keys

    path, _, findings = page
    browser.get(path.as_uri())
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    placed = [f for f in findings if f.unit]
    first, second, third = placed[0].id, placed[2].id, placed[-1].id
    _pick(browser, first, "accepted")
    radio = browser.find_element("css selector", f'input[name="t-{second}"][value="open"]')
    radio.click()
    radio.send_keys(Keys.ARROW_RIGHT)  # a radio group moves by arrow keys
    _pick(browser, third, "dismissed")
    browser.find_element("css selector", f'li[data-id="{third}"] .note').send_keys(
        "the aligner merged two sentences")
    expected = {"open": len(findings) - 3, "accepted": 2, "dismissed": 1}
    assert _tally(browser) == expected

    browser.find_element("css selector", 'input[name="triage"][value="open"]').click()
    assert _count(browser, "#findings li:not(.hidden)") == 3
    browser.refresh()
    assert _tally(browser) == expected
    assert browser.find_element("css selector", f'li[data-id="{third}"] .note').get_attribute(
        "value") == "the aligner merged two sentences"
    assert browser.find_element(
        "css selector", f'input[name="t-{second}"][value="accepted"]').is_selected()

    browser.find_element("id", "download").click()
    baseline = _downloaded(downloads)
    saved = json.loads(baseline.read_text(encoding="utf-8"))
    assert {(e["id"], e["status"]) for e in saved} == {
        (first, "accepted"), (second, "accepted"), (third, "dismissed")}
    assert {e["note"] for e in saved} == {"", "the aligner merged two sentences"}

    browser.execute_script("localStorage.clear()")
    browser.refresh()
    assert _tally(browser)["open"] == len(findings)
    browser.find_element("id", "import").send_keys(str(baseline))
    for _ in range(50):
        if _tally(browser) == expected:
            break
        time.sleep(0.1)
    assert _tally(browser) == expected
    browser.find_element("css selector", f'#findings a[href="#{anchor(placed[2].unit)}"]').click()
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "review.png"))

    assert main(["check", "--baseline", str(baseline), "--out", str(tmp_path)]) in (0, 1)
    assert "(3 finding(s) left out by the baseline: 2 accepted, 1 dismissed)" \
        in capsys.readouterr().out
    left = {f["id"] for f in json.loads((tmp_path / "findings.json").read_text("utf-8"))}
    assert left == {f.id for f in findings} - {first, second, third}
