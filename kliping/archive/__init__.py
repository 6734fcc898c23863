"""kliping.archive — the SQLite archive of cleaned articles (built on sqlite-utils)."""
