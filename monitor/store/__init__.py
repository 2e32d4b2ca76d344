"""The archive: the only package that speaks SQL.

``core`` holds the ``Store`` (articles, sources, HTTP validators, seen URLs); the other
modules add one concern each (stories, the alert outbox, full-text search) as functions
over a connection, so that one transaction can span them.
"""

from monitor.store.articles import hits_as_dict
from monitor.store.core import SourceHealth, Store, make_engine

__all__ = ["SourceHealth", "Store", "hits_as_dict", "make_engine"]
