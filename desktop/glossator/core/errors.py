"""Errors a user can cause. Each carries one line fit to show in a dialog or on stderr."""


class GlossatorError(Exception):
    """Base for every error the user can cause and fix (bad file, bad id, locked database)."""


class ReadError(GlossatorError):
    """A file could not be read as an article."""


class NotFoundError(GlossatorError):
    """An article or annotation that was asked for does not exist."""


class StoreError(GlossatorError):
    """The database could not be opened or written."""
