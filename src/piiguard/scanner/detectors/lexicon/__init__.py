"""How field names are written beyond the vocabulary's own words (spellings.py), and the
name model's characters in Traditional script (traditional.py)."""
