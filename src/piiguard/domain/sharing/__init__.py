"""Sharing and disclosure (issue 15; R3.1–R3.3, R3.6, R7.1): the recipient register,
agreements, minimisation profiles (register.py, pure), what a profile does to a value
(minimise.py), the decision point's sharing rules (rules.py), the disclosure log
(disclosure.py) and what the use cases need from storage (ports.py). docs/sharing.md."""
