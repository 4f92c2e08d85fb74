"""news-warehouse: raw news articles to a DuckDB warehouse of quotes, figures and events."""
__version__ = "0.1.0"
