"""Imported by the worker pools' fork server (`pipeline.parallel.PRELOAD`): the compiled lexicons
and the gazetteer, loaded once before the first fork, so every extraction worker starts with them
(copy-on-write) instead of loading its own."""
from pipeline.extract import extract_article  # noqa: F401 - imported for its compiled lexicons
from pipeline.extract.places import gazetteer

gazetteer()
