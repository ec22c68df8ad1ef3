"""The web app in a real browser: Debian's Chromium driven by Playwright.

Loads the page served by ``python app.py`` (the ``app_server`` fixture of test_app.py,
tiny models), clicks the seed example, runs, waits for the merged summary, checks the
per-article columns and source chips, saves ``test-artifacts/app.png``; then pastes an
article carrying ``<script>`` and ``<img onerror>`` and checks that nothing ran.

The states a new user meets (issue 14) are checked too: with a config whose models are
missing, one banner lists them, Run is disabled and one click switches to the offline config
(then Run is enabled, the subtitle promises no English, the translation-off notice appears
once after the seed run, the upload box lists all four seed files, labels use system
fonts), saved as ``test-artifacts/app-offline.png``; and the HTML report of the offline seed
run (``summarize run seeds/ --config offline``) at 1400 px: four article columns in one row,
short coloured source labels with a legend, saved as ``test-artifacts/report.png``.

Without ``/usr/bin/chromium`` the test is skipped, or fails when ``CI`` is set (``make
test`` installs it as root).  Devanagari renders with a Devanagari font installed (Debian:
``fonts-lohit-deva`` or ``fonts-noto-core``); the test does not depend on it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_app import XSS_BODY, XSS_TITLE, Server, app_server  # noqa: F401  (fixture)

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _browser_or_skip() -> None:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        message = f"{CHROMIUM} not installed (apt-get install chromium, or `make browser`)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    pytest.importorskip("playwright.sync_api")


def _chromium(p: Any) -> Any:
    return p.chromium.launch(
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
        args=ARGS,
    )


@pytest.mark.browser
def test_app_in_browser(app_server: Server) -> None:  # noqa: F811
    _browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = _chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1100})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(app_server.url, wait_until="domcontentloaded")

            # the seed example, run, merged summary with chips above four article columns
            page.click("#sm-seed-btn")
            expect(page.locator("#sm-files")).to_contain_text("000_", timeout=30_000)
            page.click("#sm-run")
            merged = page.locator("#sm-merged-out .sm-msent").first
            expect(merged).to_be_visible(timeout=300_000)
            expect(page.locator("#sm-status")).to_contain_text("Done", timeout=300_000)
            columns = page.locator("#sm-articles-out article.sm-article")
            expect(columns).to_have_count(4)
            for i in range(4):
                expect(columns.nth(i)).to_be_visible()
            chips = page.locator("#sm-merged-out a.sm-chip[data-target]")
            assert chips.count() >= 1
            expect(chips.first).to_be_visible()
            merged_box = page.locator("#sm-merged-out").bounding_box()
            first_col = columns.first.bounding_box()
            assert (
                merged_box
                and first_col
                and merged_box["y"] + merged_box["height"] <= first_col["y"]
            )
            # four columns side by side: same top, increasing x
            boxes = [columns.nth(i).bounding_box() for i in range(4)]
            assert all(b is not None for b in boxes)
            assert len({round(b["y"]) for b in boxes}) == 1  # type: ignore[index]
            assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)  # type: ignore[index]
            page.screenshot(path=str(ARTIFACTS / "app.png"), full_page=True)

            # a chip selects its source sentence and that sentence's translation
            target = chips.first.get_attribute("data-target")
            chips.first.click()
            sentence = page.locator(f"#{target}")
            expect(sentence).to_have_class(re.compile(r"\bsm-sel\b"), timeout=5_000)
            pair = sentence.get_attribute("data-pair")
            assert page.locator(f'[data-pair="{pair}"].sm-sel').count() == 2

            # hostile article: shown literally, nothing runs, no injected node
            page.click("#sm-paste")
            page.fill("#sm-paste-0 textarea", XSS_TITLE + "\n\n" + XSS_BODY)
            page.click("#sm-run")
            expect(page.locator("#sm-articles-out article.sm-article")).to_have_count(
                5, timeout=300_000
            )
            expect(page.locator("#sm-status")).to_contain_text("Done", timeout=300_000)
            hostile = page.locator("#sm-articles-out article.sm-article").nth(4)
            # The cleaner cuts markup out of a line and keeps its text (reason "markup"; a
            # line of markup alone is "tracking"); the removed-text panel shows the markup
            # literally.  (Body, translation and summaries are escaped by the same function:
            # test_app.py::test_render_escapes_every_text.)
            removed = hostile.locator("details.sm-removed")
            removed.locator("summary").click()
            expect(removed).to_contain_text("<script>window.__xss = 1;")
            expect(removed).to_contain_text('<img src=x onerror="window.__xss=2')
            page.wait_for_timeout(500)
            assert dialogs == []
            assert page.evaluate("typeof window.__xss") == "undefined"
            injected = page.evaluate(
                """() => ({
                  img: document.querySelectorAll('img[src="x"], img[onerror]').length,
                  script: [...document.querySelectorAll('script')]
                      .filter(s => s.textContent.includes('__xss')).length,
                  handler: document.querySelectorAll('[onmouseover], [onload]').length,
                })"""
            )
            assert injected == {"img": 0, "script": 0, "handler": 0}
            page.screenshot(path=str(ARTIFACTS / "app-hostile.png"), full_page=True)
        finally:
            browser.close()


def _notice_count(page: Any) -> int:
    """How often the translation-off notice is shown (banner and run messages)."""
    text = page.evaluate(
        "() => ['#sm-banner', '#sm-messages'].map(s => document.querySelector(s)?.innerText || '')"
        ".join('\\n')"
    )
    return text.count("Translation is OFF in this config") + text.count(
        "Translation is off in this config"
    )


@pytest.mark.browser
def test_app_states_for_a_new_user(app_server: Server) -> None:  # noqa: F811
    _browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = _chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(app_server.url, wait_until="domcontentloaded")
            run_btn = page.locator("#sm-run")
            expect(run_btn).to_be_enabled(timeout=60_000)  # the test config has its models
            # labels in system fonts, not a web font that cannot load offline
            # (the locator waits for the dropdown: under load the Run button can be enabled
            # before the rest of the column is in the page)
            family = page.locator("#sm-config").evaluate("el => getComputedStyle(el).fontFamily")
            assert family.startswith("system-ui"), family

            # the default config: its models are missing here (HF_HUB_OFFLINE, empty cache)
            page.locator("#sm-config input").click()
            page.get_by_role("option", name="default", exact=True).click()
            banner = page.locator("#sm-banner")
            expect(banner.locator(".sm-error")).to_have_count(1, timeout=120_000)
            for model in ("indictrans2-indic-en-dist-200M", "mT5_multilingual_XLSum"):
                expect(banner).to_contain_text(model)
            assert banner.inner_text().count("Provide them in one of three ways") == 1
            expect(run_btn).to_be_disabled()
            offline_btn = page.locator("#sm-offline-btn")
            expect(offline_btn).to_be_visible()
            expect(page.locator("#sm-subtitle")).to_contain_text("English translation")
            page.screenshot(path=str(ARTIFACTS / "app-missing-models.png"), full_page=True)

            # one click: the offline config, which can run
            offline_btn.click()
            expect(page.locator("#sm-config input")).to_have_value("offline", timeout=30_000)
            expect(banner.locator(".sm-error")).to_have_count(0, timeout=60_000)
            expect(run_btn).to_be_enabled()
            expect(offline_btn).to_be_hidden()
            expect(page.locator("#sm-subtitle")).not_to_contain_text("English")

            # the seed run: all four files listed in the upload box, the notice said once
            page.click("#sm-seed-btn")
            files = page.locator("#sm-files")
            expect(files).to_contain_text("003_", timeout=30_000)
            box = files.bounding_box()
            for i in range(4):
                row = files.get_by_text(re.compile(f"^00{i}_")).first
                expect(row).to_be_visible()
                rb = row.bounding_box()
                assert box and rb and rb["y"] + rb["height"] <= box["y"] + box["height"] + 1
            run_btn.click()
            expect(page.locator("#sm-status")).to_contain_text("Done", timeout=300_000)
            expect(page.locator("#sm-merged-out .sm-msent").first).to_be_visible()
            assert _notice_count(page) == 1
            columns = page.locator("#sm-articles-out article.sm-article")
            expect(columns).to_have_count(4)
            tops = {round(columns.nth(i).bounding_box()["y"]) for i in range(4)}  # type: ignore[index]
            assert len(tops) == 1  # side by side at 1400 px
            page.screenshot(path=str(ARTIFACTS / "app-offline.png"), full_page=True)
        finally:
            browser.close()


@pytest.mark.browser
def test_report_of_the_seed_run_in_browser(tmp_path: Path) -> None:
    _browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    from summarize.cli.main import main

    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "out"
    argv = ["run", str(repo / "seeds"), "--config", "offline", "--out", str(out), "--quiet"]
    assert main(argv + ["--cache-dir", str(tmp_path / "c")]) == 0
    (event_dir,) = (out / "events").iterdir()
    assert event_dir.name != "all"  # named after its content
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = _chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto((event_dir / "report.html").as_uri())
            expect(page.locator("h1")).not_to_contain_text("Event: all")
            cols = page.locator(".cols > .col")
            expect(cols).to_have_count(4)
            tops = {round(cols.nth(i).bounding_box()["y"]) for i in range(4)}  # type: ignore[index]
            assert len(tops) == 1  # four articles in one row at 1400 px
            legend = page.locator("ul.legend li")
            expect(legend).to_have_count(4)
            chips = page.locator("ol.merged a.chip")
            assert chips.count() >= 1
            labels = set(chips.all_inner_texts())
            assert labels <= {f"{m}A{i}" for i in range(1, 5) for m in ("", "+")}, labels
            colour = chips.first.evaluate("e => getComputedStyle(e).backgroundColor")
            assert colour not in ("rgba(0, 0, 0, 0)", "rgb(227, 236, 250)")  # a label colour
            expect(page.locator("h3", has_text="Run notes")).to_have_count(1)
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        finally:
            browser.close()
