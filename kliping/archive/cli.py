"""Archive commands of the `kliping` CLI (ingest, search, serve)."""
COMMANDS: list = []
