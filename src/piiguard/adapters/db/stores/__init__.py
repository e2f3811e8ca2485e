"""The stores: the only place with SQL on the data database (beside the key store of
adapters/vault). One module per aggregate, each a class on the unit of work's connection,
so everything a use case does is one transaction (adapters/db/uow.py)."""
