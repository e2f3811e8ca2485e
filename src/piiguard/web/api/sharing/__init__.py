"""The sharing API (issue 15; docs/sharing.md): the recipient register, agreements and
profiles (register.py), shares, the disclosure log, notices passed on and the recipient's
own side (shares.py); their JSON shapes (schemas.py)."""
