"""The checks that hold a field's value to what the field's name says (fields.py)."""
