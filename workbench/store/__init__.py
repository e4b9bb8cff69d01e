"""The only package that talks SQL. ``Store`` owns the connection; sibling modules hold
the queries of one table or aggregate each, as functions taking the store first."""

from workbench.store.database import Store, new_id, now, stable_id

__all__ = ["Store", "new_id", "now", "stable_id"]
