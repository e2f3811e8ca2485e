"""The signed evidence report on the console (R10.2; docs/accountability.md): pages.py, its
words in texts.py."""
