"""Assets: seed files -> staged Polars frames (Parquet) -> DuckDB tables -> published warehouse."""
import datetime as dt
import time

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import NewsPaths, warehouse_connection
from pipeline.normalize import fold_articles
from pipeline.readers import seed_sources
from pipeline.storage.duckdb_io import load_tables
from pipeline.storage.extract_cache import ExtractionCache, extractor_version, shard_of, text_hashes
from pipeline.storage.publish import open_build, publish
from pipeline.storage.seed_cache import SeedCache
from pipeline.storage.schemas import EXTRACTED, EXTRACTION_ERRORS, REJECTED_INPUTS, TABLES, frame
from pipeline.storage.staging import staging_path, write_staged

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
    "rejected_inputs": "Files and records that could not become articles, or that an extractor failed on.",
    "quotes": "Who said what: direct, partial, indirect and according-to quotes with resolved speakers.",
    "figures": "Numbers in the text with value, qualifier, unit, what they count and their source.",
    "events": "Who did what to whom, where and when, typed by the ACLED-based taxonomy.",
}


def _previous(paths: NewsPaths, table: str, columns: list[str]) -> pl.DataFrame | None:
    p = staging_path(paths.staging, table)
    try:
        return pl.read_parquet(p, columns=columns) if p.exists() else None
    except Exception:  # noqa: BLE001 - an unreadable old frame only costs first-seen times
        return None


def _keep_first_seen(rejected: pl.DataFrame, previous: pl.DataFrame | None) -> pl.DataFrame:
    if previous is None or rejected.is_empty():
        return rejected
    key = ["source_file", "external_id", "reason"]
    old = previous.group_by(key).agg(pl.col("seen_at").min().alias("_first"))
    return (rejected.join(old, on=key, how="left", nulls_equal=True)
            .with_columns(pl.coalesce("_first", "seen_at").alias("seen_at")).drop("_first"))


@dg.multi_asset(
    specs=[
        dg.AssetSpec("raw_articles", group_name="ingest", kinds={"polars", "parquet"},
                     description="Articles read from the seeds directory, normalized and deduplicated."),
        dg.AssetSpec("raw_rejections", group_name="ingest", kinds={"polars", "parquet"},
                     description="Inputs that could not be read, with a reason."),
    ],
)
def seed_files(context: dg.AssetExecutionContext, paths: NewsPaths):
    """Read the seed files that changed since the last run; bad input becomes a rejection row."""
    started = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    sources = seed_sources(paths.seeds)
    with SeedCache(paths.staging) as cache:  # its entries are written in a thread, beside the staged tables
        parsed = cache.parse_all(sources, now, workers=paths.workers, log=context.log.info)
        reread = parsed.reread
        if reread:
            shown = ", ".join(reread[:20]) + (f" and {len(reread) - 20:,} more" if len(reread) > 20 else "")
            context.log.info(f"read {len(reread):,} new or changed files: {shown}")
        df, duplicates = fold_articles([parsed.articles], now,
                                       _previous(paths, "articles", ["article_id", "ingested_at"]))
        rejected = _keep_first_seen(parsed.rejected, _previous(paths, "rejected_inputs", list(REJECTED_INPUTS)))
        write_staged(paths.staging, "articles", df)
        write_staged(paths.staging, "rejected_inputs", rejected)
    cache.prune()
    context.log.info(
        f"{df.height:,} articles from {paths.seeds} ({duplicates:,} duplicates folded; {len(reread):,} of "
        f"{len(sources):,} files read, the rest unchanged since the last run) in "
        f"{time.perf_counter() - started:.1f}s; {rejected.height:,} rejected inputs"
    )
    if rejected.height:
        by_reason = rejected.group_by("reason").len().sort("len", descending=True)
        context.log.warning("rejected inputs: " + ", ".join(f"{r} {n}" for r, n in by_reason.iter_rows()))
    yield dg.MaterializeResult(asset_key="raw_articles", metadata=table_metadata(
        df.head(5).drop("text"), duplicates_folded=duplicates, seeds_dir=str(paths.seeds),
        files_read=len(reread), files_unchanged=len(sources) - len(reread)) | {"dagster/row_count": df.height})
    yield dg.MaterializeResult(asset_key="raw_rejections", metadata=table_metadata(rejected))


def extracted_records_asset(shards: int = 1) -> dg.AssetsDefinition:
    """The extraction step. With `shards` > 1 it has one static partition per shard of the articles
    (by id): a run over the whole range extracts every shard in one step, and a backfill from the UI
    starts one run per shard, which a `k8s_job_executor` or celery deployment spreads over machines.
    Each shard keeps its own extraction cache, so shards never write the same files."""
    partitions = dg.StaticPartitionsDefinition([str(k) for k in range(shards)]) if shards > 1 else None

    @dg.multi_asset(
        name="extracted_records",
        specs=[
            dg.AssetSpec(name, group_name="extract", kinds={"polars", "parquet"}, deps=["raw_articles"],
                         description=f"Extracted `{STAGED_TO_TABLE[name]}` rows, cached per article as Parquet.")
            for name in ("quote_records", "figure_records", "event_records")
        ],
        partitions_def=partitions,
        backfill_policy=dg.BackfillPolicy.multi_run(1) if partitions else None,
    )
    def _extracted_records(context: dg.AssetExecutionContext, paths: NewsPaths):
        """Run the pure extractors over the articles the cache has not seen under this extractor version."""
        staged = staging_path(paths.staging, "articles")
        articles = pl.read_parquet(staged, columns=["article_id", "source_file", "external_id", "ingested_at", "text"])
        articles = articles.with_columns(text_hashes(articles["text"])).drop("text")
        keys = [int(k) for k in context.partition_keys] if partitions else [0]
        caches = [ExtractionCache(paths.staging, shard=(k, shards)) for k in keys]
        extracted, seen, seconds = 0, 0, 0.0
        for k, cache in zip(keys, caches):
            mine = articles.filter(shard_of("article_id", shards) == k) if partitions else articles
            n, s = _extract_shard(context, paths, cache, mine, label=f"shard {k} of {shards}: " if partitions else "")
            extracted, seen, seconds = extracted + n, seen + mine.height, seconds + s
        for table in EXTRACTED:
            previews = [c.preview(table) for c in caches]
            md = table_metadata(pl.concat([head for head, _ in previews]).head(5), extracted_now=extracted,
                                from_cache=seen - extracted, extractor_version=extractor_version(),
                                seconds=round(seconds, 2))
            md["dagster/row_count"] = sum(n for _, n in previews)
            yield dg.MaterializeResult(asset_key=TABLE_TO_STAGED[table], metadata=md)

    return _extracted_records


def _extract_shard(context: dg.AssetExecutionContext, paths: NewsPaths, cache: ExtractionCache,
                   articles: pl.DataFrame, label: str = "") -> tuple[int, float]:
    """Extract the articles of one shard that its cache lacks, and save them; (articles extracted, seconds)."""
    staged = staging_path(paths.staging, "articles")
    # only the articles to extract are read whole: on a nightly run that is a handful of texts
    todo_keys = cache.todo(articles.select("article_id", "text_hash"))
    todo = (pl.scan_parquet(staged).filter(pl.col("article_id").is_in(todo_keys["article_id"].implode())).collect()
            .join(todo_keys, on="article_id", maintain_order="left"))
    context.log.info(f"{label}extractor {extractor_version()}: {todo.height:,} of {articles.height:,} articles "
                     f"to extract, {articles.height - todo.height:,} from cache; {paths.workers} workers")
    started = time.perf_counter()
    last = [started]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 10 or done == total:  # a line every 10 s, not one per batch
            last[0] = now
            rate = done / max(now - started, 1e-9)
            context.log.info(f"{label}extracted {done:,}/{total:,} articles ({rate:,.0f}/s, "
                             f"about {(total - done) / max(rate, 1e-9):,.0f}s left)")

    if todo.height:
        # imported here: the extractors compile their lexicons on import, which a run with
        # nothing new to extract need not pay
        from pipeline.extract.batch import extract_frames

        result = extract_frames(todo, workers=paths.workers, batch_size=paths.batch_size, progress=progress)
        frames, errors = result.frames, result.errors
        seconds, chars = time.perf_counter() - started, todo["char_count"].sum()
        context.log.info(f"{label}extraction: {todo.height:,} articles, {chars / 1e6:.2f} M chars in {seconds:.1f}s "
                         f"({chars / 1e6 / max(seconds, 1e-9):.2f} M chars/s)")
    else:
        frames, errors = {t: frame(TABLES[t], []) for t in EXTRACTED}, frame(EXTRACTION_ERRORS, [])
        seconds = 0.0
    new = {**frames, "extraction_errors": errors,
           "extracted_articles": todo.select("article_id", "text_hash")}
    cache.save(articles["article_id"], new)
    errors = cache.load("extraction_errors")
    if errors.height:
        context.log.warning(f"{label}{errors.height} articles made an extractor fail; see rejected_inputs")
    write_staged(paths.staging, _rejections_name(cache), _error_rejections(errors, articles))
    return todo.height, seconds


def _rejections_name(cache: ExtractionCache) -> str:
    return "extraction_rejections" + (f".{cache.dir.name}" if cache.shards > 1 else "")


def _error_rejections(errors: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    if errors.is_empty():
        return frame(REJECTED_INPUTS, [])
    return (errors.join(articles.select("article_id", "source_file", "external_id", "ingested_at"), on="article_id")
            .select("source_file", "external_id", pl.lit("extraction_failed").alias("reason"),
                    pl.format("article {}: {}", "article_id", "error").alias("detail"),
                    pl.col("ingested_at").alias("seen_at")))


def staged_sources(paths: NewsPaths) -> dict[str, list]:
    caches = [ExtractionCache(paths.staging, shard=(k, paths.extract_shards)) for k in range(paths.extract_shards)]
    return {
        "articles": [staging_path(paths.staging, "articles")],
        "rejected_inputs": [staging_path(paths.staging, "rejected_inputs"),
                            *(staging_path(paths.staging, _rejections_name(c)) for c in caches)],
        # a shard never extracted has no files: reported as missing before anything is loaded
        **{t: [p for c in caches for p in (c.paths(t) or [c.dir / f"{t}.parquet"])] for t in EXTRACTED},
    }


@dg.multi_asset(
    specs=[
        dg.AssetSpec(table, group_name="warehouse", kinds={"duckdb"}, deps=[TABLE_TO_STAGED[table]],
                     description=TABLE_DESCRIPTIONS[table])
        for table in TABLES
    ],
    pool="duckdb",
)
def warehouse_tables(context: dg.AssetExecutionContext, paths: NewsPaths, duckdb: DuckDBResource):
    """Bring the build DuckDB's tables up to the staged frames in ONE transaction: all change together.

    Only changed rows are written (see `load_tables`); a new extractor version rebuilds the tables."""
    files = staged_sources(paths)
    missing = [t for t, ps in files.items() if not ps] + [str(p) for ps in files.values() for p in ps if not p.exists()]
    if missing:
        raise dg.Failure(description=f"staged frames missing: {missing}; materialize the upstream assets first")
    open_build(paths.build_db)
    started = time.perf_counter()
    with warehouse_connection(duckdb) as con:
        loaded = load_tables(con, files, version=extractor_version())
        previews = {t: con.sql(f'SELECT * FROM "{t}" LIMIT 5').pl() for t in TABLES}
    context.log.info(f"warehouse tables in {time.perf_counter() - started:.1f}s: "
                     + ", ".join(f"{t} {_change(n)}" for t, n in loaded.items()))
    for table in TABLES:
        preview = previews[table].drop("text") if table == "articles" else previews[table]
        n = loaded[table]
        md = table_metadata(preview, table_name=table, rows_inserted=n["inserted"], rows_deleted=n["deleted"],
                            rebuilt=n["rebuilt"])
        md["dagster/row_count"] = n["rows"]
        yield dg.MaterializeResult(asset_key=table, metadata=md)


def _change(n: dict[str, int]) -> str:
    how = "rebuilt" if n["rebuilt"] else f"+{n['inserted']:,} -{n['deleted']:,}"
    return f"{n['rows']:,} ({how})"


def published_warehouse(upstream: list[str]) -> dg.AssetsDefinition:
    """The file analysts open: the build, swapped in atomically once tables, checks and models are done."""

    @dg.asset(name="published_warehouse", group_name="publish", kinds={"duckdb"}, deps=upstream, pool="duckdb",
              automation_condition=dg.AutomationCondition.eager())
    def _publish(context: dg.AssetExecutionContext, paths: NewsPaths) -> dg.MaterializeResult:
        started = time.perf_counter()
        path = publish(paths.build_db, paths.warehouse)
        size = path.stat().st_size
        context.log.info(f"published {path} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.2f}s")
        return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(path)), "bytes": size})

    return _publish
