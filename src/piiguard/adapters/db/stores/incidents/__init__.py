"""Storage of security incidents (R5.8) and vulnerabilities (R5.9): incidents.py
(`uow.incidents`) and vulns.py (`uow.vulns`)."""

from piiguard.adapters.db.stores.incidents.incidents import SqlIncidents
from piiguard.adapters.db.stores.incidents.vulns import SqlVulns

__all__ = ["SqlIncidents", "SqlVulns"]
