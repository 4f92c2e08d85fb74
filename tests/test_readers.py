"""Every input format of the contract, and every kind of bad input, through the readers."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.normalize import ArticleSet, article_id, normalize_text
from pipeline.readers import RawArticle, Rejection, read_seeds
from pipeline.readers.dates import parse_published_at


def read_all(path: Path, **kw) -> tuple[list[RawArticle], list[Rejection]]:
    items = list(read_seeds(path, **kw))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, Rejection)]


def test_txt_without_front_matter_uses_file_stem(seeds_dir):
    (seeds_dir / "harbour.txt").write_text("The ferry left at dawn.\nIt carried 40 cars.", encoding="utf-8")
    arts, rej = read_all(seeds_dir)
    assert not rej
    assert arts[0].external_id == "harbour" and arts[0].text.startswith("The ferry")
    assert arts[0].source_file == "harbour.txt" and arts[0].published_at is None


def test_markdown_front_matter_sets_metadata_and_is_not_text(seeds_dir):
    (seeds_dir / "note.md").write_text(
        "---\ntitle: Bridge reopens\nurl: https://example.org/b\nsource: Town Crier\n"
        "published_at: 2025-03-04T10:00:00+01:00\nauthor: Kim\n---\nThe bridge reopened on Tuesday.\n",
        encoding="utf-8")
    (a,), _ = read_all(seeds_dir)
    assert a.title == "Bridge reopens" and a.url == "https://example.org/b" and a.publisher == "Town Crier"
    assert a.published_at == dt.datetime(2025, 3, 4, 9, 0)
    assert a.text == "The bridge reopened on Tuesday.\n"
    assert a.extra == {"author": "Kim"}


def test_broken_front_matter_keeps_the_article(seeds_dir):
    (seeds_dir / "odd.md").write_text("---\ntitle: [unclosed\n---\nBody text here.", encoding="utf-8")
    (a,), rej = read_all(seeds_dir)
    assert not rej and a.text == "Body text here." and "front_matter_error" in a.extra


def test_jsonl_synonyms_dates_and_extra(seeds_dir):
    lines = [
        {"id": "a1", "body": "First story.", "publisher": "P1", "seendate": "20220125T090000Z", "lang": "en"},
        {"content": "Second story.", "source": "P2", "date": "Tue, 25 Jan 2022 10:00:00 +0200"},
        {"id": 7, "text": "Third story.", "published": "2022-01-25"},
    ]
    (seeds_dir / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    arts, rej = read_all(seeds_dir)
    assert not rej
    assert [a.external_id for a in arts] == ["a1", "feed:2", "7"]
    assert [a.publisher for a in arts] == ["P1", "P2", None]
    assert [a.published_at for a in arts] == [dt.datetime(2022, 1, 25, 9), dt.datetime(2022, 1, 25, 8),
                                             dt.datetime(2022, 1, 25)]
    assert arts[0].extra == {"lang": "en"} and arts[1].text == "Second story."


def test_json_object_and_array(seeds_dir):
    (seeds_dir / "one.json").write_text(json.dumps({"text": "Only one.", "title": "T"}), encoding="utf-8")
    (seeds_dir / "many.json").write_text(json.dumps([{"text": "A."}, {"id": "x", "text": "B."}]), encoding="utf-8")
    arts, rej = read_all(seeds_dir)
    assert not rej
    assert sorted(a.external_id for a in arts) == ["many:0", "one", "x"]


def test_html_main_text_without_boilerplate(seeds_dir):
    html = """<html><head><title>Dam holds | River News</title>
    <meta property="og:site_name" content="River News">
    <meta property="article:published_time" content="2025-04-02T06:00:00Z"></head>
    <body><nav>Home | Sport | Weather | Subscribe now</nav>
    <article><h1>Dam holds after storm</h1>
    <p>The old dam above the village held through the storm on Sunday, engineers said after an inspection.</p>
    <p>"The structure did exactly what it was built to do," the chief engineer told the council meeting.</p></article>
    <footer>Copyright River News. Cookie settings.</footer></body></html>"""
    (seeds_dir / "dam.html").write_text(html, encoding="utf-8")
    (a,), rej = read_all(seeds_dir)
    assert not rej
    assert "The old dam above the village held" in a.text and "did exactly what" in a.text
    assert "Subscribe" not in a.text and "Cookie" not in a.text
    assert a.publisher == "River News" and a.published_at.date() == dt.date(2025, 4, 2)
    assert a.external_id == "dam"


@pytest.mark.parametrize("name, payload, reason", [
    ("latin1.txt", "Caf\xe9 owners protest".encode("latin-1"), "decode_error"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_file"),
    ("blank.txt", b"   \n\t\n", "empty_text"),
    ("broken.json", b'{"text": "unterminated', "invalid_json"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
    ("number.json", b"42", "not_an_object"),
    ("notext.json", b'{"title": "no body here"}', "no_text"),
    ("listtext.json", b'{"text": ["a", "b"]}', "no_text"),
    ("photo.png", b"\x89PNG", "unsupported_format"),
])
def test_bad_inputs_are_rejected_with_reason(seeds_dir, name, payload, reason):
    (seeds_dir / name).write_bytes(payload)
    arts, rej = read_all(seeds_dir)
    assert not arts
    assert [r.reason for r in rej] == [reason]
    assert rej[0].source_file == name and rej[0].detail


def test_oversize_file_and_line_rejected(seeds_dir):
    (seeds_dir / "huge.txt").write_text("word " * 3000, encoding="utf-8")
    (seeds_dir / "feed.jsonl").write_text(
        json.dumps({"id": "big", "text": "x " * 3000}) + "\n" + json.dumps({"id": "ok", "text": "Fine."}) + "\n")
    arts, rej = read_all(seeds_dir, max_article_bytes=5000)
    assert [a.external_id for a in arts] == ["ok"]
    assert sorted((r.external_id, r.reason) for r in rej) == [("big", "too_large"), ("huge", "too_large")]


def test_bad_jsonl_lines_do_not_stop_the_file(seeds_dir):
    good = json.dumps({"id": "g", "text": "Good line."})
    content = b"{broken\n" + b"\xff\xfe\n" + b"[1, 2]\n" + good.encode() + b"\n" + b'{"id": "e", "text": ""}\n'
    (seeds_dir / "mixed.jsonl").write_bytes(content)
    arts, rej = read_all(seeds_dir)
    assert [a.external_id for a in arts] == ["g"]
    assert [(r.external_id, r.reason) for r in rej] == [
        ("mixed:1", "invalid_json"), ("mixed:2", "decode_error"), ("mixed:3", "not_an_object"), ("e", "empty_text")]
    assert rej[0].detail.startswith("line 1:")


def test_hidden_files_skipped_and_single_file_path(seeds_dir):
    (seeds_dir / ".DS_Store").write_bytes(b"\x00\x01")
    (seeds_dir / "sub").mkdir()
    (seeds_dir / "sub" / "a.txt").write_text("Nested article.", encoding="utf-8")
    arts, rej = read_all(seeds_dir)
    assert not rej and arts[0].source_file == "sub/a.txt"
    arts, _ = read_all(seeds_dir / "sub" / "a.txt")
    assert arts[0].external_id == "a"


def test_missing_seeds_dir_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="NEWS_SEEDS_DIR"):
        list(read_seeds(tmp_path / "nope"))


def test_same_text_twice_is_one_article(seeds_dir):
    (seeds_dir / "a.txt").write_text("Rain fell.\r\nThe river rose.", encoding="utf-8")
    (seeds_dir / "b.jsonl").write_text(json.dumps({"id": "copy", "text": "Rain fell.\nThe river rose.\n"}) + "\n")
    s = ArticleSet().extend(read_seeds(seeds_dir))
    df = s.articles_frame()
    assert df.height == 1 and s.duplicates == 1
    assert df["duplicate_external_ids"].to_list() == [["copy"]]
    assert df["article_id"][0] == article_id(normalize_text("Rain fell.\nThe river rose."))


@pytest.mark.parametrize("raw, expected", [
    ("2022-02-04T14:15:00Z", dt.datetime(2022, 2, 4, 14, 15)),
    ("2022-02-04T16:15:00+02:00", dt.datetime(2022, 2, 4, 14, 15)),
    ("2022-02-04", dt.datetime(2022, 2, 4)),
    ("20220204T141500Z", dt.datetime(2022, 2, 4, 14, 15)),
    ("20220204141500", dt.datetime(2022, 2, 4, 14, 15)),
    ("Fri, 04 Feb 2022 14:15:00 GMT", dt.datetime(2022, 2, 4, 14, 15)),
    ("yesterday-ish", None),
    ("", None),
    (1643984100, None),
])
def test_date_formats(raw, expected):
    assert parse_published_at(raw) == expected


def test_unparseable_date_is_kept_in_extra(seeds_dir):
    (seeds_dir / "d.json").write_text(json.dumps({"text": "Story.", "date": "sometime in May"}))
    (a,), _ = read_all(seeds_dir)
    assert a.published_at is None and a.extra["published_at_unparsed"] == "sometime in May"


@pytest.mark.parametrize("text", [
    "Rain fell.\nThe river rose.", "Rain  fell.", "Rain fell.\n\nThe river rose.", " Rain fell. ", "Rain\tfell.",
    "Rain\u00a0fell.", "Rain\u2009fell\u3000today.", "Rain\r\nfell.", "Rain\x1ffell.", "", " ", "\n", "Rain",
    "Rain fell \nthen stopped.", "Rain\u00adfell\u200b.", "Rain\u200bfell\u00a0today.",  # unprintable, not space
])
def test_fold_space_is_split_and_join(text):
    from pipeline.normalize import fold_space

    assert fold_space(text) == " ".join(text.split())


def test_fold_space_knows_every_white_space_character():
    import sys

    from pipeline.normalize import fold_space

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert all(fold_space(f"a{c}b") == "a b" for c in spaces)
