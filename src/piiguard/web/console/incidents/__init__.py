"""The console's incident and vulnerability pages (R5.8, R5.9): pages.py (the router and the
front page's attention), incidents.py, clocks.py, vulns.py; words in texts.py."""
