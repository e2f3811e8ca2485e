"""A second, independent labelled corpus (issue 18): the business files of a car and parts
maker as they leave its systems — CRM exports, ERP dumps, logs, mail, HR forms, purchase
orders, after-sales tickets, chat transcripts — with every personal value labelled by span
and type, and the look-alikes those files are full of (11-digit part numbers, four-part
versions, 18-digit order numbers, dates that are not birth dates) labelled as negatives.

Written apart from `scanner/corpus.py` and without looking at its templates, so that a
detector tuned on one is measured on the other. Standard library only.
"""

from __future__ import annotations

from piiguard.scanner.corpus2.generate import KINDS, generate, write_corpus

__all__ = ["KINDS", "generate", "write_corpus"]
