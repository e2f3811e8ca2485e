"""The sharing pages (issue 15; docs/sharing.md): pages.py."""
