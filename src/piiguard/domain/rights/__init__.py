"""Rights requests of the person (R4, R9): the rules, the ports, the package formats."""
