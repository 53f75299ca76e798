"""The open library's hold on its file, checked from the window between edits."""

from __future__ import annotations

from glossator.core.store import database


def recheck_hold() -> str | None:
    """Reconnect if another program broke this process's hold on the library.

    Returns a sentence for the reader when it had to, else None. Every write checks the
    same before it begins; this call lets an idle window notice too, before its next edit.
    """
    return database.verify_connection()


def read_only_reason() -> str | None:
    """Why the open library cannot be changed (it was opened for reading only), or None."""
    return database.read_only_reason()
