"""The purpose-limitation commands (issue 3): the purpose register, the data map's systems,
consent, legal exceptions, the decision point (`decide`, `explain`), what the person decided
beyond consent (restriction, objection), children and their guardians, the company's data
categories, exports and the findings they open. One module per command group; each command
calls the same service as its web route, as the local operator (audited as
operator:local-operator, roles admin and privacy_officer)."""
