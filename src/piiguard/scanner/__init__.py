"""Discovery scanner (R2.7, R5.5, R6.3): finds personal data in files and databases.

- `detectors/` is pure: patterns, validators (checksums, formats, context words) and the
  multi-pattern engine. It imports only the standard library, hyperscan, phonenumbers and
  python-stdnum — no file, database or clock access. Its `automaton/starts.py` finds where a
  Hyperscan match starts from where it ends, so that the engine's databases are compiled
  without start-of-match tracking (`_starts.c` in C).
- `sources/` reads files (text in any common encoding, office documents, PDF) and databases
  (SQLAlchemy) and feeds their text to the detectors.
- `report.py` turns detector hits into findings (masked preview, keyed hash) and writes them
  as a table, JSON Lines or SARIF; `schemas/` holds the JSON schemas of those outputs.
- `scan.py` composes sources and detectors; `cli.py` is the `piiguard scan` command (its
  engines imported when a scan runs), joined to `piiguard` by `piiguard/cli/scan.py`.
- `corpus.py` generates the labelled evaluation corpus (tests and bench only; needs Faker).

Nothing here imports the rest of piiguard; the taxonomy keys it emits are strings that the
domain taxonomy defines.
"""
