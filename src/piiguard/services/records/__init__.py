"""Records of processing (R10.1; docs/accountability.md): generated from the registers and
kept as numbered versions with their hash (generate.py)."""
