"""SQLAlchemy 2 Core tables, engines, repositories and the unit of work: the only SQL."""
