"""The Airflow UI in a real browser: a fetch triggered through the REST API flows through the asset chain."""
from __future__ import annotations

import os
import shutil
import time
from datetime import datetime, timezone

import psycopg
import pytest

from tests.conftest import ROOT, truncate
from tests.http_fixture_server import FixtureServer, add_source

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
DAG_IDS = ["news_fetch", "news_inbox", "news_process", "news_quality", "news_reprocess"]


def require_browser() -> None:
    if CHROMIUM and CHROMEDRIVER:
        return
    reason = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver fonts-noto-core)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser test cannot run in CI: {reason}")
    pytest.skip(f"BROWSER TEST SKIPPED: {reason}")


@pytest.fixture()
def browser():
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def _after(run: dict, moment: datetime) -> bool:
    return datetime.fromisoformat(run["run_after"].replace("Z", "+00:00")) >= moment


def _wait_text(driver, needles: list[str], timeout_s: float = 60) -> str:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout_s
    text = ""
    while time.monotonic() < deadline:
        try:
            text = driver.find_element(By.TAG_NAME, "body").text
        except (StaleElementReferenceException, NoSuchElementException):
            text = ""  # the page was replaced between finding its body and reading it (the redirect after sign-in)
        if all(n in text for n in needles):
            return text
        time.sleep(1)
    raise AssertionError(f"page never showed {needles}; it shows: {text[:1500]}")


def test_fetch_triggered_by_api_runs_the_chain_and_the_ui_shows_it(airflow_api, news_url, browser):
    from selenium.webdriver.common.by import By

    from pipeline import stack

    ARTIFACTS.mkdir(exist_ok=True)
    with psycopg.connect(news_url) as conn, FixtureServer() as server:
        truncate(conn)
        add_source(conn, "fixture_rss", server.url("/feeds/rss.xml"))
        started = datetime.now(timezone.utc)
        triggered = airflow_api.trigger("news_fetch")
        airflow_api.wait_for("news_fetch", lambda runs: any(
            r["dag_run_id"] == triggered["dag_run_id"] and r["state"] == "success" for r in runs), timeout_s=240)
        process_runs = airflow_api.wait_for("news_process", lambda runs: any(
            r["run_type"] == "asset_triggered" and _after(r, started) and r["state"] == "success" for r in runs),
            timeout_s=240)
        airflow_api.wait_for("news_quality", lambda runs: any(
            r["run_type"] == "asset_triggered" and _after(r, started) and r["state"] == "success" for r in runs),
            timeout_s=240)
        assert conn.execute("SELECT count(*) FROM articles WHERE source = 'fixture_rss'").fetchone()[0] >= 4

    process_run = next(r for r in process_runs if r["run_type"] == "asset_triggered" and _after(r, started))
    base = airflow_api.base_url
    browser.get(f"{base}/")
    browser.find_element(By.NAME, "username").send_keys(stack.ADMIN_USER)
    browser.find_element(By.NAME, "password").send_keys(stack.admin_password())
    browser.find_element(By.XPATH, "//button[normalize-space()='Sign in']").click()
    _wait_text(browser, ["Dags"])
    browser.get(f"{base}/dags")
    _wait_text(browser, DAG_IDS)
    browser.save_screenshot(str(ARTIFACTS / "dag_list.png"))

    browser.get(f"{base}/dags/news_process/runs/{process_run['dag_run_id']}")
    text = _wait_text(browser, ["news_process", "process_pending", "announce_statements"])
    browser.save_screenshot(str(ARTIFACTS / "news_process_run.png"))
    assert "success" in text.lower()
    assert process_run["dag_run_id"] in text or "asset_triggered" in text.lower() or "Asset Triggered" in text
