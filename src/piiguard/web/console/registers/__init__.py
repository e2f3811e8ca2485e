"""The registers' pages (R2.3, R2.5): purposes and their history, the taxonomy, departments."""
