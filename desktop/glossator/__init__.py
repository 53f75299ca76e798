"""Glossator: read articles, see their entities and check-worthy claims, keep notes and sources."""

from importlib.metadata import PackageNotFoundError, version

try:
    # The one version number lives in pyproject.toml; installed metadata carries it here.
    __version__ = version("glossator")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
