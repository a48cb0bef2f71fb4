"""The review page in a real browser: headless Chromium driven by Selenium (Debian packages
chromium and chromium-driver; `.ci/run` installs them). Skipped where they are absent.
The screenshot is kept as a test artefact in tests/artifacts/review.png."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sco_corpus.report import write_review_page
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
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _count(browser, selector: str) -> int:
    return browser.execute_script(f"return document.querySelectorAll('{selector}').length")


def test_page_is_self_contained(page):
    html = page[0].read_text(encoding="utf-8")
    assert "http://" not in html.split("<body>")[0] and "<link" not in html
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
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "review.png"))
