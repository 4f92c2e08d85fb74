"""What a reader yields: an article as found in a file, or the reason a file/record was refused."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Reasons a user sees in `rejected_inputs.reason`.
REJECT_REASONS = (
    "decode_error",       # bytes that are not UTF-8
    "binary_file",        # NUL bytes: an image, archive or other binary
    "invalid_json",       # JSON that does not parse (or nests too deeply)
    "not_an_object",      # a JSON value that is not an object (a number, a string, a list in JSONL)
    "no_text",            # no `text`/`body`/`content`, or it is not a string
    "empty_text",         # text that is empty or white space only
    "too_large",          # over the configured size limit
    "unsupported_format", # a file type the contract does not list
    "unreadable",         # the file system refused (permissions, vanished file)
    "extraction_failed",  # read fine, but an extractor raised on it (the article row is kept)
)


class RawArticle(BaseModel):
    """One input article before normalization (documents the reader's output)."""

    model_config = ConfigDict(frozen=True)

    external_id: str
    source_file: str
    text: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_at: dt.datetime | None = None
    extra: dict[str, Any] = Field(default_factory=dict)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v


class Rejection(BaseModel):
    model_config = ConfigDict(frozen=True)

    source_file: str
    reason: str
    detail: str
    external_id: str | None = None

    @field_validator("reason")
    @classmethod
    def _known_reason(cls, v: str) -> str:
        if v not in REJECT_REASONS:
            raise ValueError(f"unknown rejection reason {v!r}")
        return v
