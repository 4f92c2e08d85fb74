"""Storage: the tables' schemas, Parquet staging, and atomic writes to DuckDB."""
