"""The record of processing activities on the console (R10.1; docs/accountability.md):
pages.py, its words in texts.py."""
