"""Assets: seed files -> staged Polars frames (Parquet) -> the contract's DuckDB tables."""

import time

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import NewsPaths, warehouse_connection
from pipeline.extract.batch import extract_frames
from pipeline.normalize import ArticleSet
from pipeline.readers import read_seeds
from pipeline.storage.duckdb_io import replace_tables
from pipeline.storage.schemas import EXTRACTED, TABLES
from pipeline.storage.staging import read_staged, staging_path, write_staged

# staged frame asset -> the DuckDB table it becomes
STAGED_TO_TABLE = {
    "raw_articles": "articles",
    "raw_rejections": "rejected_inputs",
    "quote_records": "quotes",
    "figure_records": "figures",
    "event_records": "events",
}
TABLE_TO_STAGED = {v: k for k, v in STAGED_TO_TABLE.items()}

TABLE_DESCRIPTIONS = {
    "articles": "One row per distinct article text (duplicates folded, their ids listed).",
    "rejected_inputs": "Files and records that could not become articles, with the reason.",
    "quotes": "Who said what: direct, partial, indirect and according-to quotes with resolved speakers.",
    "figures": "Numbers in the text with value, qualifier, unit, what they count and their source.",
    "events": "Who did what to whom, where and when, typed by the ACLED-based taxonomy.",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec("raw_articles", group_name="ingest", kinds={"polars", "parquet"},
                     description="Articles read from the seeds directory, normalized and deduplicated."),
        dg.AssetSpec("raw_rejections", group_name="ingest", kinds={"polars", "parquet"},
                     description="Inputs that could not be read, with a reason."),
    ],
)
def seed_files(context: dg.AssetExecutionContext, paths: NewsPaths):
    """Read every seed file; bad input becomes a rejection row, never an exception."""
    started = time.perf_counter()
    articles = ArticleSet()
    for n, item in enumerate(read_seeds(paths.seeds), start=1):
        articles.add(item)
        if n % 5000 == 0:
            context.log.info(f"read {n:,} inputs ({len(articles.articles):,} articles so far)")
    df, rejected = articles.articles_frame(), articles.rejected_frame()
    write_staged(paths.staging, "articles", df)
    write_staged(paths.staging, "rejected_inputs", rejected)
    context.log.info(
        f"{df.height:,} articles from {paths.seeds} ({articles.duplicates:,} duplicates folded) "
        f"in {time.perf_counter() - started:.1f}s; {rejected.height:,} rejected inputs"
    )
    if rejected.height:
        by_reason = rejected.group_by("reason").len().sort("len", descending=True)
        context.log.warning("rejected inputs: " + ", ".join(f"{r} {n}" for r, n in by_reason.iter_rows()))
    yield dg.MaterializeResult(asset_key="raw_articles", metadata=table_metadata(
        df.drop("text"), duplicates_folded=articles.duplicates, seeds_dir=str(paths.seeds)))
    yield dg.MaterializeResult(asset_key="raw_rejections", metadata=table_metadata(rejected))


@dg.multi_asset(
    specs=[
        dg.AssetSpec(name, group_name="extract", kinds={"polars", "parquet"}, deps=["raw_articles"],
                     description=f"Extracted `{STAGED_TO_TABLE[name]}` rows, staged as Parquet.")
        for name in ("quote_records", "figure_records", "event_records")
    ],
)
def extracted_records(context: dg.AssetExecutionContext, paths: NewsPaths):
    """Run the pure extractors over every article."""
    articles = read_staged(paths.staging, "articles")
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        context.log.info(f"extracted {done:,}/{total:,} articles")

    frames = extract_frames(articles, progress=progress)
    seconds = time.perf_counter() - started
    mb = articles["char_count"].sum() / 1e6 if articles.height else 0.0
    context.log.info(f"extraction: {articles.height:,} articles, {mb:.1f} M chars in {seconds:.1f}s")
    for table in EXTRACTED:
        write_staged(paths.staging, table, frames[table])
        yield dg.MaterializeResult(asset_key=TABLE_TO_STAGED[table],
                                   metadata=table_metadata(frames[table], seconds=round(seconds, 2)))


@dg.multi_asset(
    specs=[
        dg.AssetSpec(table, group_name="warehouse", kinds={"duckdb"}, deps=[TABLE_TO_STAGED[table]],
                     description=TABLE_DESCRIPTIONS[table])
        for table in TABLES
    ],
    pool="duckdb",
)
def warehouse_tables(context: dg.AssetExecutionContext, paths: NewsPaths, duckdb: DuckDBResource):
    """Load every staged frame into DuckDB in ONE transaction: all tables change together or not at all."""
    files = {table: staging_path(paths.staging, table) for table in TABLES}
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise dg.Failure(description=f"staged frames missing: {missing}; materialize the upstream assets first")
    with warehouse_connection(duckdb) as con:
        counts = replace_tables(con, files)
        previews = {t: con.sql(f'SELECT * FROM "{t}" LIMIT 5').pl() for t in TABLES}
    context.log.info("warehouse tables: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    for table in TABLES:
        preview = previews[table].drop("text") if table == "articles" else previews[table]
        md = table_metadata(preview, table_name=table)
        md["dagster/row_count"] = counts[table]
        yield dg.MaterializeResult(asset_key=table, metadata=md)
