"""A self-hosted news monitor.

It watches outlets on a schedule, keeps the articles about the topics its users follow,
folds one story told by several outlets into one, keeps everything in a searchable
archive and alerts people when something new happens.
"""

__version__ = "0.1.0"
