"""Use cases, one function per use case named verb_noun(uow, ...). They gather facts through
the unit of work's repositories, call the domain, and record audit events in the same
transaction. They import the domain only (ports included) — never an adapter or framework."""
