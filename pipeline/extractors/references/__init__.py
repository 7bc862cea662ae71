"""Cited documents, ordinals, identifiers and times: figures that are not quantities."""
