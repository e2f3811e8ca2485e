"""piiguard: the promises of a privacy policy as behaviour software enforces, records and proves.

Layers (see docs/architecture.md): domain (pure) <- services (use cases) / adapters (I/O)
<- bootstrap (composition root) <- web, cli (entry points). scanner/ stands beside them.
"""

__version__ = "0.1.0"
