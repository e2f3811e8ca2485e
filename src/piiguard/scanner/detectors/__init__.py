"""Pure detectors: candidate patterns, validators and the multi-pattern engine.

Imports only the standard library, hyperscan, phonenumbers and python-stdnum.
"""

from piiguard.scanner.detectors.engine import Detector
from piiguard.scanner.detectors.model import Hit, Validator

__all__ = ["Detector", "Hit", "Validator"]
