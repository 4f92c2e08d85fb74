"""Readers: files in the contract's input formats to raw articles and rejections."""
from pipeline.readers.files import read_file, read_seeds, seed_sources
from pipeline.readers.records import REJECT_REASONS, RawArticle, Rejection

__all__ = ["REJECT_REASONS", "RawArticle", "Rejection", "read_file", "read_seeds", "seed_sources"]
