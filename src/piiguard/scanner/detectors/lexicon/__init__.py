"""How field names are written beyond the vocabulary's own words (vocabulary.py)."""
