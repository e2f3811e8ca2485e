"""Notices of a new policy version and renewed consent (R8.1, R2.4): the periodic pass that
mails the people a change affects — throttled, resumable, at most once (job.py), the mails
(mail.py), the person's renewal on the privacy centre after a one-time code (person.py),
and what the console and the API show and do (views.py). docs/accountability.md. The same
mail batch (batch.py) tells everyone a business transfer concerns (transfers.py, R3.4;
docs/sharing.md)."""
