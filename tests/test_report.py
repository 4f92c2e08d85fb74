"""The analyst's HTML report: rendered in headless Chromium, every chart must draw data marks.

The page is built from the hand-written warehouse of test_marts (not through extraction), then
Chromium loads it from a file with networking off and dumps the DOM after the scripts ran. A chart
has drawn when its container holds Vega's SVG with at least one data mark (`<g class="mark-*
role-mark">` with shapes inside), not just axes."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from pipeline.report import build_report, render_html, write_report
from tests.conftest import make_settings, run_build
from tests.test_marts import _contract_rows, build_models

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")

SHAPES = {"path", "line", "rect", "circle"}


class ChartMarks(HTMLParser):
    """Per chart container (div.chart): whether it holds an <svg>, and how many shapes sit in data marks."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, chart id, inside a data mark)
        self.svg: dict[str, int] = {}
        self.marks: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        chart, in_mark = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (None, False)
        if tag == "div" and "chart" in (a.get("class") or "").split():
            chart = a.get("id")
            self.svg.setdefault(chart, 0)
            self.marks.setdefault(chart, 0)
        classes = (a.get("class") or "").split()
        if tag == "g" and "role-mark" in classes and any(c.startswith("mark-") and c not in ("mark-group", "mark-text")
                                                          for c in classes):
            in_mark = True
        if chart and tag == "svg":
            self.svg[chart] += 1
        if chart and in_mark and tag in SHAPES:
            self.marks[chart] += 1
        if tag not in ("path", "line", "rect", "circle", "br", "img", "meta", "input", "hr"):
            self.stack.append((tag, chart, in_mark))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break


def dump_dom(page: Path) -> str:
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        out = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
             f"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=True)
        return out.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def marts(tmp_path_factory):
    con = build_models(tmp_path_factory.mktemp("report") / "w.duckdb", _contract_rows())
    yield con
    con.close()


def test_report_sections_have_data_on_the_hand_corpus(marts):
    report = build_report(marts)
    assert report.chart_count == 4
    assert [s.title for s in report.sections if s.empty] == []
    assert dict(report.summary)["incidents told by 2+ articles"] == 3
    page = render_html(report)
    # self-contained: the Vega libraries are inlined, nothing is loaded from elsewhere
    assert "vegaEmbed(" in page and "<script src" not in page and "<link" not in page
    assert "Volodymyr Zelenskyy" in page and "Kharkiv region" in page


@needs_chromium
def test_every_chart_draws_in_chromium(marts, tmp_path):
    page = tmp_path / "report.html"
    report = write_report(marts, page)
    dom = dump_dom(page)
    assert 'data-charts="rendered"' in dom, re.findall(r'data-charts="[^"]*"', dom)
    parsed = ChartMarks()
    parsed.feed(dom)
    assert len(parsed.svg) == report.chart_count == 4
    for chart, n in parsed.marks.items():
        assert parsed.svg[chart] >= 1, f"{chart}: no <svg>"
        assert n > 0, f"{chart}: the chart has no data marks"
    # hand-counted shapes: incidents per day (a bar per day and event type: 09-01 battles, 09-07
    # explosions, 09-08 protests/explosions/diplomacy, 09-09 explosions), places with fatalities
    # (Kyiv, Kharkiv, Kharkiv region: lowest and highest bar each), speakers (two bars), figure
    # series (intercepted, killed, launched: a range rule and a median dot each)
    assert parsed.marks == {"chart-0": 6, "chart-1": 6, "chart-3": 2, "chart-4": 6}


@needs_chromium
def test_empty_warehouse_says_no_data_and_loads(tmp_path):
    con = build_models(tmp_path / "empty.duckdb", {})
    page = tmp_path / "empty.html"
    report = write_report(con, page)
    con.close()
    assert report.chart_count == 0
    html = page.read_text(encoding="utf-8")
    assert html.count('class="empty"') == len(report.sections) == 5
    assert "no data" in dump_dom(page)


def test_warehouse_without_models_says_no_data(tmp_path):
    con = duckdb.connect(str(tmp_path / "bare.duckdb"))
    con.execute("CREATE TABLE articles (article_id VARCHAR)")
    report = build_report(con)
    con.close()
    assert report.chart_count == 0 and all(s.empty for s in report.sections)
    assert "no data" in render_html(report)


def test_build_writes_the_report_beside_the_warehouse_and_cli_rewrites_it(tmp_path, seeds_dir, monkeypatch, capsys):
    monkeypatch.delenv("NEWS_REPORT", raising=False)
    (seeds_dir / "a.txt").write_text('"We are ready," the mayor said on Monday.', encoding="utf-8")
    settings = make_settings(tmp_path, seeds_dir)
    result = run_build(settings)
    assert result.success
    page = settings.warehouse.parent / "report.html"
    assert page.exists() and "<html" in page.read_text(encoding="utf-8")
    mats = {e.asset_key.to_user_string(): e.materialization for e in result.get_asset_materialization_events()}
    assert mats["report"].metadata["path"].value == str(page)
    # the marts carry a small markdown chart in their materialization metadata
    for mart in ("daily_incidents", "incidents", "speakers", "figure_series"):
        assert "chart" in mats[mart].metadata, mart

    out = tmp_path / "elsewhere" / "r.html"
    assert main(["report", "--warehouse", str(settings.warehouse), "--out", str(out)]) == 0
    assert out.exists() and str(out) in capsys.readouterr().out
    monkeypatch.setenv("NEWS_REPORT", str(tmp_path / "env.html"))
    assert main(["report", "--warehouse", str(settings.warehouse)]) == 0
    assert (tmp_path / "env.html").exists()


def test_report_cli_without_warehouse_is_a_message(tmp_path, capsys):
    assert main(["report", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "run `news-warehouse build` first" in capsys.readouterr().err


def test_metadata_text_charts():
    from pipeline.defs.metadata import markdown_bars, sparkline

    assert sparkline([0, 7, None, 14]) == "▁▅ █"
    assert sparkline([]) == ""
    md = markdown_bars([("Kyiv", 4), ("Kharkiv", 1)], "place", "n", width=8)
    assert md.splitlines()[2] == "| Kyiv | 4 | ████████ |" and md.splitlines()[3] == "| Kharkiv | 1 | ██ |"
    assert markdown_bars([], "place", "n") == "_no rows_"
