"""Glossator: read articles, see their entities and check-worthy claims, keep notes and sources."""

__version__ = "0.1.0"
