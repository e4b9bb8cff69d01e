"""Anonymising quotes: detect identifying spans, review them, and guard every export.

``detect`` finds spans; ``review`` holds the queue and approvals; ``leak`` is what exports
call (``anonymised_quotes``); ``risk`` warns about attribute combinations that identify.
"""
