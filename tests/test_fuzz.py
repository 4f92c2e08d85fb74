"""Hostile input: nothing crashes the readers, the extractors or a run; nothing is lost silently."""
from __future__ import annotations

import json

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_article
from pipeline.readers import RawArticle, Rejection, read_file
from tests.conftest import make_settings, run_build

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "text", "body", "date", "x"]) | st.text(max_size=5), inner, max_size=5),
    max_leaves=20,
)


def one_item(path, name):
    items = list(read_file(path, name))
    assert len(items) == 1 and isinstance(items[0], (RawArticle, Rejection))
    return items[0]


@FAST
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_as_txt(tmp_path, data):
    p = tmp_path / "x.txt"
    p.write_bytes(data)
    item = one_item(p, "x.txt")
    if isinstance(item, Rejection):
        assert item.reason in {"decode_error", "binary_file", "empty_text"} and item.detail


@FAST
@given(value=json_values)
def test_arbitrary_json_as_a_jsonl_line(tmp_path, value):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps(value) + "\n", encoding="utf-8")
    item = one_item(p, "x.jsonl")
    is_article = isinstance(value, dict) and isinstance(next((value[k] for k in ("text", "body", "content") if k in value), None), str)
    assert isinstance(item, RawArticle) == (is_article and bool(next(value[k] for k in ("text", "body", "content") if k in value).strip()))


@FAST
@given(text=st.text(max_size=3000))
def test_extractors_never_crash_and_offsets_are_exact(text):
    out = extract_article("a", text)
    for q in out["quotes"]:
        assert text[q["char_start"]:q["char_end"]] == q["quote_text"]
    for f in out["figures"]:
        assert text[f["char_start"]:f["char_end"]] == f["surface"]
    for e in out["events"]:
        assert 0 <= e["char_start"] < e["char_end"] <= len(text)


@FAST
@given(marks=st.lists(st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", " said ", "He ", "\n", ". ", "5"]), max_size=400))
def test_quotation_mark_storms(marks):
    text = "".join(marks)
    out = extract_article("a", text)
    assert all(text[q["char_start"]:q["char_end"]] == q["quote_text"] for q in out["quotes"])


def test_thousands_of_quote_marks_in_a_real_sized_article():
    text = ('He said "yes and no. ' * 2000) + '"We are fine," the mayor said.'
    out = extract_article("a", text)
    assert all(text[q["char_start"]:q["char_end"]] == q["quote_text"] for q in out["quotes"])


def test_a_run_survives_a_folder_of_hostile_files(tmp_path, seeds_dir):
    (seeds_dir / "huge.txt").write_bytes(b"word " * 10_500_000)  # 52 MB
    (seeds_dir / "nul.txt").write_bytes(b"Some text\x00with a NUL")
    (seeds_dir / "mixed.txt").write_bytes("Caf\u00e9 in UTF-8, ".encode() + "caf\u00e9 in Latin-1".encode("latin-1"))
    (seeds_dir / "deep.json").write_bytes(b'{"a":' * 50_000 + b"1" + b"}" * 50_000)
    (seeds_dir / "quotes.md").write_text('"' * 5000, encoding="utf-8")
    (seeds_dir / "weird.jsonl").write_text('{"text": 5}\n"just a string"\n{"text": "Real news: 4 boats sank, police said."}\n')
    settings_ = make_settings(tmp_path, seeds_dir)
    result = run_build(settings_)
    assert result.success
    con = duckdb.connect(str(settings_.warehouse), read_only=True)
    reasons = dict(con.execute("SELECT source_file, list_sort(list(reason)) FROM rejected_inputs GROUP BY 1").fetchall())
    assert reasons == {
        "huge.txt": ["too_large"], "nul.txt": ["binary_file"], "mixed.txt": ["decode_error"],
        "deep.json": ["invalid_json"], "weird.jsonl": ["no_text", "not_an_object"],
    }
    texts = [r[0] for r in con.execute("SELECT text FROM articles ORDER BY text").fetchall()]
    assert texts == ['"' * 5000, "Real news: 4 boats sank, police said."]
    con.close()
