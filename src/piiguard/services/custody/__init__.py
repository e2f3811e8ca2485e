"""Paper records and removable media in custody (issue 16; R5.2, R5.4, R5.6;
docs/custody.md): paper.py (printouts: register, lock, archive, shred with a witness),
media.py (removable media: register, check-out and in, wipe or destroy with a witness),
inventory.py (the periodic inventory; a missing medium with personal data), job.py (the
periodic pass: overdue printouts and missing media escalated). What they share: kit.py
(`CustodyKit`, who may act, the checks against the data map).

May import: the domain, services.ids and services.policy (the data map and taxonomy)."""
