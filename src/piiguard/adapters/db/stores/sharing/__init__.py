"""Storage of sharing (issue 15): the recipient register, agreements and profiles
(register.py), shares, the disclosure log and what is passed on (log.py) — `uow.sharing`."""

from piiguard.adapters.db.stores.sharing.abroad import SqlSharingAbroad
from piiguard.adapters.db.stores.sharing.business import SqlSharingBusiness
from piiguard.adapters.db.stores.sharing.exemption import SqlSharingExemptions
from piiguard.adapters.db.stores.sharing.legal import SqlSharingLegal
from piiguard.adapters.db.stores.sharing.log import SqlSharingLog
from piiguard.adapters.db.stores.sharing.notice import SqlSharingNotices
from piiguard.adapters.db.stores.sharing.register import SqlSharingRegister


class SqlSharing(
    SqlSharingRegister,
    SqlSharingLog,
    SqlSharingAbroad,
    SqlSharingLegal,
    SqlSharingBusiness,
    SqlSharingNotices,
    SqlSharingExemptions,
):
    """The parts on one connection (abroad.py: the yearly count of transfers abroad;
    legal.py: the legal-request register; business.py: business transfers; notice.py: the
    notices before a first transfer abroad; exemption.py: recorded exemption cases and the
    people counted apart)."""


__all__ = ["SqlSharing"]
