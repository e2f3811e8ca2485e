"""Values known by the shape of the record around them, not by a field name: a name in
a delimited log line, the coordinates of a shared location."""
