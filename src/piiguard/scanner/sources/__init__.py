"""Sources feed text to the detectors: files of many kinds, and SQL databases.

They may import the detectors and the report's plain types, never the CLI.
"""

from piiguard.scanner.sources.model import Located, Skipped

__all__ = ["Located", "Skipped"]
