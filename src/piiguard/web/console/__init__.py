"""The staff console: server-rendered pages in Simplified Chinese and English — pages.py
(signing in, the front page), rights*.py (the request pages), setup.py (/setup); pages.py's
docstring says what lives where.
"""
