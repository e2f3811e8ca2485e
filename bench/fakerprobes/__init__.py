"""Probes of the scanner on values as Faker makes them, each in the layouts users' files hold
them in (issue 18, R2.7): `python -m bench.fakerprobes.people` (names, addresses, phones per locale
and context) and `python -m bench.fakerprobes.numbers` (cards, bank accounts, national ids,
passports, dates of birth, coordinates, plates, passwords, IPs; escaped JSON among the
contexts). Both measure families of writings with seeded values, never a corpus."""
