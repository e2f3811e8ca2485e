"""The JSON API of paper records and removable media (issue 16; R5.2, R5.4, R5.6;
docs/custody.md): paper.py (/api/v1/paper), media.py (/api/v1/media and
/api/v1/media-inventories), schemas.py (their shapes). Rows in web/rules/api.py."""
