"""The analyst's report: a DuckDB connection in, one self-contained HTML page out."""
from pipeline.report.page import Report, build_report, render_html, render_report, write_report, write_report_for

__all__ = ["Report", "build_report", "render_html", "render_report", "write_report", "write_report_for"]
