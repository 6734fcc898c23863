"""kliping: clean raw scrapes of Indonesian news into articles and archive them in SQLite."""
__version__ = "0.1.0"
