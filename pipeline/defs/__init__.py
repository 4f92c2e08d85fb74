"""Dagster wiring, kept thin: each module adapts pure code from readers/extract/storage."""
