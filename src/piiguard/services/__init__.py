"""Use cases, one function per use case named verb_noun(uow, ...). They gather facts through
the unit of work's repositories, call the domain, and record audit events in the same
transaction.

Packages by feature: subjects/ (personal data in, out and erased), policy/ (the policy
snapshot, published versions, registers, legal exceptions, consents, the data map), rights/
(requests of the person), retention/ (the retention schedule, holds, disposal),
sharing/ (recipients, agreements, profiles, shares and the disclosure log),
custody/ (paper records and removable media), assessments/ (impact assessments, the
duties by headcount), notices/ (notices of a new policy version and renewed consent, and of
a business transfer), staff/
(accounts, sign-in, second factor), clients/ (systems and their API keys). Beside them, what
several features share: decisions.py (the decision point and its ledger), group_commit.py,
audit.py (chain and checkpoints), vault_integrity.py, ids.py; and what spans features:
setup.py (every start), keys.py (key rotation); evidence/ (the signed evidence report, which
reads every register's live state) above them all.

May import: the domain (ports included) and other use cases — never an adapter, the web, the
CLI, bootstrap or a framework (import-linter contracts in pyproject.toml). A package calls
only those below it: evidence > setup, keys, records > rights > retention | sharing |
notices > subjects | clients | staff | custody | assessments > decisions > policy > ids,
group_commit, audit, vault_integrity ("|": not each other). Helpers a package's modules
share live in its own _common.py; other packages call its use-case modules instead.
"""
