"""The privacy centre: the person's own pages, in Simplified Chinese and English — pages.py
(the page frame; its docstring says what lives where), requests.py, packages.py,
consents.py.
"""
