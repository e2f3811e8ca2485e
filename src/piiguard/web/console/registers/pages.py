"""The registers' pages (R2.1, R2.3, R2.10): the purpose register and each purpose's history
(purposes.py), the taxonomy (taxonomy.py), departments and their purposes (departments.py),
each adding its routes to the one router of /console/... pages this module hands the app.

Rows in web/rules/registers.py: everyone on the staff reads them (as the API's GET routes);
privacy officers alone change them, and only they see the forms. Words in texts.py beside
this module; templates in templates/console/registers/. Conventions: web/console/kit.py."""

from __future__ import annotations

from piiguard.web.console.registers import departments, purposes, taxonomy
from piiguard.web.console.registers.common import router

__all__ = ["departments", "purposes", "router", "taxonomy"]
