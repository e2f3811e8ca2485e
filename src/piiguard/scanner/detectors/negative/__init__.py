"""Negative context: rules that claim look-alikes (fields.NOT_PERSONAL hits) so that the
phone, IP address, card and name rules do not report them."""

from piiguard.scanner.detectors.negative import lookalikes, testcards, titles

RULES = lookalikes.RULES + testcards.RULES + titles.RULES
