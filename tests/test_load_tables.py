"""Loading staged frames into DuckDB: only changed rows are written, and the result equals a full load."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipeline.extract.batch import extract_frames
from pipeline.normalize import ArticleSet
from pipeline.readers import RawArticle
from pipeline.storage.contract_checks import run_checks
from pipeline.storage.duckdb_io import PENDING, load_tables
from pipeline.storage.schemas import EXTRACTED, TABLES, frame

STORIES = {
    "a": '"We will rebuild the school," Mayor Lena Ortiz said on Monday.',
    "b": "Shelling killed 4 people in the port town on Tuesday, officials said.",
    "c": "The ministry said 120 families had been moved to shelters.",
}


def write_frames(tmp_path, name, stories, dup_of_a=()):
    s = ArticleSet(now=dt.datetime(2026, 3, 1))  # the pipeline keeps first-seen times across runs
    for ext, text in stories.items():
        s.add(RawArticle(external_id=ext, source_file="feed.jsonl", text=text))
    for ext in dup_of_a:
        s.add(RawArticle(external_id=ext, source_file="feed.jsonl", text=stories["a"]))
    articles = s.articles_frame()
    frames = {"articles": articles, "rejected_inputs": frame(TABLES["rejected_inputs"], []),
              **extract_frames(articles).frames}
    d = tmp_path / name
    d.mkdir()
    for t, df in frames.items():
        df.write_parquet(d / f"{t}.parquet")
    return {t: d / f"{t}.parquet" for t in TABLES}


def contents(con):
    return {t: sorted(map(repr, con.execute(f'SELECT * EXCLUDE (ingested_at) FROM "{t}"' if t == "articles"
                                            else f'SELECT * FROM "{t}"').fetchall())) for t in TABLES}


def test_an_update_writes_only_the_changed_articles_and_equals_a_full_load(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = load_tables(con, write_frames(tmp_path, "one", {k: STORIES[k] for k in "ab"}), version="v1")
    assert all(n["rebuilt"] for n in first.values())  # a new file: every table is built

    later = write_frames(tmp_path, "two", {k: STORIES[k] for k in "bc"}, dup_of_a=())
    update = load_tables(con, later, version="v1")
    assert update["articles"] == {"rows": 2, "deleted": 1, "inserted": 1, "rebuilt": False}
    # a's quote leaves with a, c's reported speech comes in; b's rows are not touched
    assert update["quotes"] == {"rows": 2, "deleted": 1, "inserted": 1, "rebuilt": False}
    assert update["events"]["rows"] > 0 and update["events"]["deleted"] == update["events"]["inserted"] == 0
    assert update["figures"]["deleted"] == 0 and update["figures"]["inserted"] == 1  # c's 120 families

    fresh = duckdb.connect(str(tmp_path / "fresh.duckdb"))
    load_tables(fresh, later)
    assert contents(con) == contents(fresh)


def test_a_changed_article_row_is_replaced(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", STORIES), version="v1")
    update = load_tables(con, write_frames(tmp_path, "two", STORIES, dup_of_a=["a-copy"]), version="v1")
    assert update["articles"] == {"rows": 3, "deleted": 1, "inserted": 1, "rebuilt": False}
    assert all(update[t]["inserted"] == update[t]["deleted"] == 0 for t in EXTRACTED)
    assert con.execute("SELECT duplicate_external_ids FROM articles WHERE external_id = 'a'").fetchall() == [(["a-copy"],)]


def test_a_new_extractor_version_rebuilds_the_extracted_tables(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    files = write_frames(tmp_path, "one", STORIES)
    load_tables(con, files, version="v1")
    again = load_tables(con, files, version="v1")
    assert not any(again[t]["rebuilt"] or again[t]["deleted"] for t in EXTRACTED)
    rebuilt = load_tables(con, files, version="v2")
    assert all(rebuilt[t]["rebuilt"] for t in EXTRACTED)
    assert not rebuilt["articles"]["rebuilt"]  # articles do not depend on the extractor


def test_a_version_is_never_spliced_into_sql_unchecked(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    with pytest.raises(ValueError, match="not an extractor version"):
        load_tables(con, write_frames(tmp_path, "one", STORIES), version="x'; DROP TABLE articles; --")


def test_an_article_whose_white_space_changed_gets_its_new_extracted_rows(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", STORIES), version="v1")
    spaced = {**STORIES, "b": "Shelling  killed 4 people in the port town on Tuesday, officials said."}
    later = write_frames(tmp_path, "two", spaced)
    update = load_tables(con, later, version="v1")  # the same article_id: white space is folded in ids
    assert update["articles"]["deleted"] == update["articles"]["inserted"] == 1
    assert update["events"]["deleted"] >= 1 and update["events"]["inserted"] == update["events"]["deleted"]
    bad = con.execute("SELECT count(*) FROM quotes q JOIN articles a USING (article_id) "
                      "WHERE substring(a.text, q.char_start + 1, q.char_end - q.char_start) <> q.quote_text").fetchall()
    assert bad == [(0,)]  # offsets point into the new text
    fresh = duckdb.connect(str(tmp_path / "fresh.duckdb"))
    load_tables(fresh, later)
    assert contents(con) == contents(fresh)


# Nightly checks read only the rows added since they last passed; a failure keeps them pending.

def pending(con, table):
    return {r[0] for r in con.execute(f"SELECT article_id FROM {PENDING} WHERE tbl = $t", {"t": table}).fetchall()}


def failing(con, table, **kw):
    return {o.name for o in run_checks(con, table, **kw) if not o.passed}


def aid(con, external_id):
    return con.execute("SELECT article_id FROM articles WHERE external_id = $e", {"e": external_id}).fetchall()[0][0]


def test_a_first_build_is_checked_whole_then_only_new_articles(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", {k: STORIES[k] for k in "ab"}), version="v1")
    assert pending(con, "quotes") == {None}  # built from scratch: every row
    assert failing(con, "quotes", pending_only=True) == set() and failing(con, "articles", pending_only=True) == set()
    assert pending(con, "quotes") == set()

    load_tables(con, write_frames(tmp_path, "two", STORIES), version="v1")
    assert pending(con, "articles") == pending(con, "quotes") == {aid(con, "c")}

    # a broken row of an article checked before is not read again on a nightly run (a full run sees it) ...
    con.execute("UPDATE quotes SET char_start = char_start + 1 WHERE article_id = $a", {"a": aid(con, "a")})
    assert failing(con, "quotes", pending_only=True) == set()
    assert failing(con, "quotes") == {"offsets_exact"}


def test_a_failing_new_row_stays_pending_until_fixed(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", {k: STORIES[k] for k in "ab"}), version="v1")
    run_checks(con, "quotes", pending_only=True)
    load_tables(con, write_frames(tmp_path, "two", STORIES), version="v1")
    c = aid(con, "c")
    con.execute("UPDATE quotes SET char_end = char_end + 1 WHERE article_id = $a", {"a": c})
    assert failing(con, "quotes", pending_only=True) == {"offsets_exact"}
    assert pending(con, "quotes") == {c}
    assert failing(con, "quotes", pending_only=True) == {"offsets_exact"}  # the next run still sees it
    con.execute("UPDATE quotes SET char_end = char_end - 1 WHERE article_id = $a", {"a": c})
    assert failing(con, "quotes", pending_only=True) == set() and pending(con, "quotes") == set()


def test_a_file_without_the_bookkeeping_is_checked_whole(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", STORIES), version="v1")
    con.execute("DROP SCHEMA _pipeline CASCADE")
    con.execute("UPDATE articles SET char_count = char_count + 1 WHERE external_id = 'b'")
    assert failing(con, "articles", pending_only=True) == {"char_count_exact"}


def test_a_file_from_before_the_bookkeeping_is_checked_whole_on_its_next_update(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", {k: STORIES[k] for k in "ab"}), version="v1")
    con.execute("DROP SCHEMA _pipeline CASCADE")  # as an older build left it
    con.execute("UPDATE quotes SET char_start = char_start + 1")  # a row no check has passed
    load_tables(con, write_frames(tmp_path, "two", STORIES), version="v1")
    assert pending(con, "quotes") == {None, aid(con, "c")}
    assert failing(con, "quotes", pending_only=True) == {"offsets_exact"}


def test_load_leaves_the_connection_settings_as_they_were(tmp_path):
    # load_tables drops insertion order for its own inserts only; the caller's queries keep it
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_tables(con, write_frames(tmp_path, "one", STORIES), version="v1")
    assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0] is True
