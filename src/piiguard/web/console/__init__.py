"""The staff console: server-rendered pages in Simplified Chinese and English.
"""
