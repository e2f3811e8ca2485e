"""Contact values a field or a word says: phones in any national writing under a phone
field or after a phone word (phoned.py). Imports the standard library and detectors' model,
rule and checks only."""
