"""Imported by the worker pools' fork server (`pipeline.parallel.PRELOAD`): the compiled lexicons
and the gazetteer, loaded once before the first fork, so every extraction worker starts with them
(copy-on-write) instead of loading its own."""
from pipeline.extract.article import extract_article  # noqa: F401 - imported for its compiled lexicons
from pipeline.extract.places import gazetteer

try:
    gazetteer()
except Exception:  # noqa: BLE001 - the fork server survives only ImportErrors of its preload: a
    pass  # gazetteer that fails to load here is loaded (and its error reported) by each worker
