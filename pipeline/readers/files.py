"""Read a seeds directory (or one file) into `RawArticle`s and `Rejection`s.

One function per input format of the contract. Nothing here raises on bad input: every file or
record that cannot become an article is yielded as a `Rejection` with a reason a user can act on.
Large JSON Lines files are streamed line by line, so memory stays flat with archive size.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from pipeline.readers.dates import parse_published_at
from pipeline.readers.records import RawArticle, Rejection

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

DEFAULT_MAX_ARTICLE_BYTES = 5_000_000  # far above any news article; a 50 MB "article" is a mistake
DEFAULT_MAX_JSON_FILE_BYTES = 500_000_000  # a single .json document must be loaded whole

TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published_at", "date", "published", "seendate")
PUBLISHER_KEYS = ("source", "publisher")
KNOWN_KEYS = {"id", "title", "url", *TEXT_KEYS, *DATE_KEYS, *PUBLISHER_KEYS}

Item = RawArticle | Rejection
_ID_PEEK = re.compile(rb'"id"\s*:\s*"?([^",}]{1,200})')


def iter_seed_files(root: Path) -> list[Path]:
    """Files under `root` in a stable order; hidden files and folders are skipped."""
    if root.is_file():
        return [root]
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files.extend(Path(dirpath) / f for f in sorted(filenames) if not f.startswith("."))
    return files


def seed_sources(root: Path | str) -> list[tuple[Path, str]]:
    """Every seed file with the name rows give as their `source_file` (relative to the seeds dir)."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"seeds path {root} does not exist (set NEWS_SEEDS_DIR or --seeds)")
    base = root if root.is_dir() else root.parent
    return [(path, _display(path, base)) for path in iter_seed_files(root)]


def read_seeds(root: Path | str, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Item]:
    for path, source in seed_sources(root):
        yield from read_file(path, source, max_article_bytes)


def read_file(path: Path, source: str, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Rejection(source_file=source, reason="unsupported_format",
                        detail=f"'{suffix or path.name}' files are not read; use .txt, .md, .json, .jsonl, .html")
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, source, max_article_bytes)
            return
        size = path.stat().st_size
        limit = DEFAULT_MAX_JSON_FILE_BYTES if suffix == ".json" else max_article_bytes
        if size > limit:
            yield Rejection(source_file=source, reason="too_large", external_id=path.stem,
                            detail=f"{size:,} bytes, over the limit of {limit:,}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(source_file=source, reason="unreadable", detail=str(exc))
        return
    if suffix == ".json":
        yield from _read_json(data, path, source, max_article_bytes)
        return
    text = _decode(data, source, path.stem)
    if isinstance(text, Rejection):
        yield text
    elif suffix in HTML_SUFFIXES:
        yield _from_html(text, path.stem, source)
    else:
        yield _from_text(text, path.stem, source)


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def _decode(data: bytes, source: str, external_id: str | None) -> str | Rejection:
    if b"\x00" in data[:65536]:
        return Rejection(source_file=source, reason="binary_file", external_id=external_id,
                         detail="contains NUL bytes: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(source_file=source, reason="decode_error", external_id=external_id,
                         detail=f"not UTF-8: byte {data[exc.start]:#04x} at offset {exc.start}")


def _article(source: str, external_id: str, text: str, meta: dict[str, Any]) -> Item:
    if not text.strip():
        return Rejection(source_file=source, reason="empty_text", external_id=external_id, detail="the text is empty")
    return RawArticle(source_file=source, external_id=external_id, text=text, **meta)


# --- plain text and markdown, with optional YAML front matter --------------------------------

def _from_text(text: str, stem: str, source: str) -> Item:
    meta: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            head, body_start = text[3:end], text.find("\n", end + 4)
            body = "" if body_start == -1 else text[body_start + 1:]
            try:
                front = yaml.safe_load(head)
            except yaml.YAMLError as exc:
                front, extra["front_matter_error"] = None, str(exc).splitlines()[0]
            if isinstance(front, dict):
                meta, extra = _metadata(front, extra)
            elif front is not None:
                extra["front_matter_error"] = "front matter is not a mapping"
            text = body  # delimited front matter is metadata even when it does not parse
    meta.pop("external_id", None)
    return _article(source, stem, text, {**meta, "extra": extra})


# --- JSON and JSON Lines ---------------------------------------------------------------------

def jsonl_chunks(path: Path, chunk_bytes: int) -> list[tuple[int, int, int]]:
    """(start, end, first line number) of line-aligned byte ranges of about `chunk_bytes` each,
    so one big JSON Lines file can be parsed by several processes."""
    chunks, start, lineno, size = [], 0, 1, path.stat().st_size
    with path.open("rb") as fh:
        while start < size:
            fh.seek(min(start + chunk_bytes, size))
            fh.readline()  # to the end of the line the cut falls in
            end = min(fh.tell(), size)
            fh.seek(start)
            lines = fh.read(end - start).count(b"\n")
            chunks.append((start, end, lineno))
            start, lineno = end, lineno + lines
    return chunks


def read_jsonl_chunk(path: Path, source: str, start: int, end: int, first_lineno: int,
                     max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Item]:
    """The items of one `jsonl_chunks` range: the same rows as `read_file` gives for those lines."""
    try:
        yield from _read_jsonl(path, source, max_article_bytes, start, end, first_lineno)
    except OSError as exc:
        yield Rejection(source_file=source, reason="unreadable", detail=str(exc))


def _read_jsonl(path: Path, source: str, max_bytes: int, start: int = 0, end: int | None = None,
                first_lineno: int = 1) -> Iterator[Item]:
    with path.open("rb") as fh:
        fh.seek(start)
        lines = iter(fh) if end is None else _lines_until(fh, end)
        for lineno, raw in enumerate(lines, start=first_lineno):
            fallback = f"{path.stem}:{lineno}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                m = _ID_PEEK.search(raw, 0, 512)  # name the record without parsing megabytes of JSON
                yield Rejection(source_file=source, reason="too_large",
                                external_id=m.group(1).decode("utf-8", "replace") if m else fallback,
                                detail=f"line {lineno}: {len(raw):,} bytes, over the limit of {max_bytes:,}")
                continue
            line = _decode(raw, source, fallback)
            if isinstance(line, Rejection):
                yield line.model_copy(update={"detail": f"line {lineno}: {line.detail}"})
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield Rejection(source_file=source, reason="invalid_json", external_id=fallback,
                                detail=f"line {lineno}: {_json_error(exc)}")
                continue
            yield _from_record(record, fallback, source, max_bytes, where=f"line {lineno}")


def _lines_until(fh: Any, end: int) -> Iterator[bytes]:
    pos = fh.tell()
    while pos < end:
        raw = fh.readline()
        if not raw:
            return
        pos += len(raw)
        yield raw


def _read_json(data: bytes, path: Path, source: str, max_bytes: int) -> Iterator[Item]:
    text = _decode(data, source, None)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Rejection(source_file=source, reason="invalid_json", detail=_json_error(exc))
        return
    if isinstance(doc, list):
        for i, record in enumerate(doc):
            yield _from_record(record, f"{path.stem}:{i}", source, max_bytes, where=f"item {i}")
    else:
        yield _from_record(doc, path.stem, source, max_bytes, where="document")


def _json_error(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply to parse"
    return f"broken JSON: {exc}"


def _from_record(record: Any, fallback_id: str, source: str, max_bytes: int, where: str) -> Item:
    if not isinstance(record, dict):
        return Rejection(source_file=source, reason="not_an_object", external_id=fallback_id,
                         detail=f"{where}: a JSON {type(record).__name__}, expected an object with 'text'")
    rid = record.get("id")
    external_id = str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid) else fallback_id
    text = next((record[k] for k in TEXT_KEYS if k in record), None)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return Rejection(source_file=source, reason="no_text", external_id=external_id,
                         detail=f"{where}: 'text' (or 'body'/'content') is {what}")
    if len(text) > max_bytes:
        return Rejection(source_file=source, reason="too_large", external_id=external_id,
                         detail=f"{where}: text of {len(text):,} characters, over the limit of {max_bytes:,}")
    meta, extra = _metadata(record, {})
    return _article(source, external_id, text, {**meta, "extra": extra})


def _metadata(record: dict[str, Any], extra: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Map a record's or front matter's keys onto article columns; everything else goes to `extra`."""
    meta: dict[str, Any] = {
        "title": _str(record.get("title")),
        "url": _str(record.get("url")),
        "publisher": next((_str(record[k]) for k in PUBLISHER_KEYS if _str(record.get(k))), None),
    }
    raw_date = next((record[k] for k in DATE_KEYS if record.get(k) not in (None, "")), None)
    meta["published_at"] = parse_published_at(raw_date)
    if raw_date is not None and meta["published_at"] is None:
        extra["published_at_unparsed"] = str(raw_date)
    for k, v in record.items():
        if k not in KNOWN_KEYS:
            extra[str(k)] = v
    return meta, extra


def _str(v: Any) -> str | None:
    if v is None or isinstance(v, (dict, list)):
        return None
    s = str(v).strip()
    return s or None


# --- HTML --------------------------------------------------------------------------------------

def _from_html(html: str, stem: str, source: str) -> Item:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        return Rejection(source_file=source, reason="empty_text", external_id=stem,
                         detail=f"no main text could be extracted from the HTML ({type(exc).__name__})")
    if doc is None or not (doc.text or "").strip():
        return Rejection(source_file=source, reason="empty_text", external_id=stem,
                         detail="no main text could be extracted from the HTML")
    meta = {
        "title": _str(doc.title),
        "url": _str(doc.url),
        "publisher": _str(doc.sitename) or _str(doc.hostname),
        "published_at": parse_published_at(doc.date),
    }
    extra = {k: v for k, v in (("author", doc.author), ("description", doc.description)) if v}
    return _article(source, stem, doc.text, {**meta, "extra": extra})
