"""The privacy centre: the person's own pages, in Simplified Chinese and English.
"""
