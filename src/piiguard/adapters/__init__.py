"""Adapters: the real implementations of the domain's ports — SQL (db/), keys and envelope
encryption (vault/), audit checkpoint signing, clock, files. They import the domain and
libraries; never a use case (services/) or an entry point (web/, cli)."""
