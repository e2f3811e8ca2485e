"""Where a Hyperscan match starts, found from where it ends (starts.py): the engine's
databases are compiled without start-of-match tracking."""
