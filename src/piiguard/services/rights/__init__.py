"""Requests of the person (R4, R9): intake.py (open, verify by code or by staff, views),
mail_intake.py (mail in, triage), steps.py (the staff's steps), fulfilment.py (carrying a
request out, the reply), packages.py (access and portability packages), jobs.py (reminders,
escalation, webhooks, retried replies), mail.py (the mails, zh / en), self_service.py (the
privacy centre's own use cases), kit.py (RequestKit: what they all need), _common.py (what
they share: a request's timeline entry, loading it, sealing its details and notes, the
decision that lets its data out).

May import: the domain, services.ids, services.decisions, services.policy and
services.subjects (a request reads and corrects the person's data through them).
"""
