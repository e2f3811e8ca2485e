"""The custody registers' storage (R5.2, R5.4): `SqlCustody` (uow.custody)."""

from piiguard.adapters.db.stores.custody.sql import SqlCustody

__all__ = ["SqlCustody"]
