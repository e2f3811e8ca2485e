"""How a text lays its fields out beyond a separator: a table's columns by where they stand
on the screen (aligned.py)."""
