"""Sharing (issue 15): the recipient register, agreements and profiles (register.py),
shares through the decision point with their disclosure log (share.py), delivery by pull
or signed webhook and what is passed on to recipients (delivery.py), the periodic pass
(job.py). docs/sharing.md."""
