"""The `report` asset: the analyst's HTML page, written next to the published warehouse."""

import os
from pathlib import Path

import dagster as dg

from pipeline.defs.resources import NewsPaths
from pipeline.settings import PROJECT_ROOT

# the models the page reads; the asset depends on those the SQL directory defines
REPORT_MODELS = ("daily_incidents", "incidents", "speakers", "figure_series")


def report_path(warehouse: Path) -> Path:
    """`NEWS_REPORT` (relative paths against the project folder), else `<warehouse dir>/report.html`."""
    raw = os.environ.get("NEWS_REPORT", "").strip()
    if raw:
        p = Path(raw).expanduser()
        return p if p.is_absolute() else PROJECT_ROOT / p
    return warehouse.parent / "report.html"


def report_asset(model_names: list[str]) -> dg.AssetsDefinition:
    deps = [m for m in REPORT_MODELS if m in model_names]
    # read the published file: the page shows exactly what analysts query
    deps.append("published_warehouse")

    @dg.asset(name="report", group_name="report", kinds={"html", "vega"}, deps=deps,
              automation_condition=dg.AutomationCondition.eager(),
              description="One self-contained HTML page (opens offline): incidents per day by type, places "
                          "with fatalities, the most quoted speakers and reported figures over time.")
    def _report(context: dg.AssetExecutionContext, paths: NewsPaths) -> dg.MaterializeResult:
        from pipeline.report import write_report_for

        out = report_path(paths.warehouse)
        report = write_report_for(paths.warehouse, out)
        empty = [s.title for s in report.sections if s.empty]
        context.log.info(f"report: {out} ({report.chart_count} charts"
                         + (f"; no data for: {', '.join(empty)}" if empty else "") + ")")
        return dg.MaterializeResult(metadata={
            "path": dg.MetadataValue.path(str(out)),
            "bytes": out.stat().st_size,
            "charts": report.chart_count,
            "sections without data": dg.MetadataValue.md("\n".join(f"- {t}" for t in empty) or "_none_"),
            "summary": dg.MetadataValue.md("\n".join(f"- {k}: {v:,}" for k, v in report.summary) or "_empty_"),
        })

    return _report
