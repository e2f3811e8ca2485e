"""Subjects and their personal data (R2.2, R5.1, R5.5): register, read, erase.
"""
