"""Errors a user can cause. Each carries one line fit to show in a dialog or on stderr."""


class GlossatorError(Exception):
    """Base for every error the user can cause and fix (bad file, bad id, locked database)."""


class ReadError(GlossatorError):
    """A file could not be read as an article."""


class NotFoundError(GlossatorError):
    """An article or annotation that was asked for does not exist."""


class StoreError(GlossatorError):
    """The database could not be opened or written."""


class UnusableDatabaseError(StoreError):
    """The database file is damaged, belongs to another program or to a newer Glossator.

    Waiting or closing other programs will not help: the reader can restore a backup or
    start a new library, and the file itself is left as it was.
    """
