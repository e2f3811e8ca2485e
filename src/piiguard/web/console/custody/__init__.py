"""The console's custody pages (issue 16; R5.2, R5.4, R5.6): pages.py (the router and the
front page's `attention`), paper.py, media.py, inventory.py, common.py, texts.py."""
