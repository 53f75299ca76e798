"""Where Glossator keeps its files: the one module that knows the platform's folders."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Glossator"
DB_ENV_VAR = "GLOSSATOR_DB"
DB_FILE_NAME = "glossator.db"


def user_data_dir() -> Path:
    """The platform's per-user data folder for Glossator (not created here)."""
    # appauthor=False keeps Windows from nesting the folder under an author name.
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """The database file used when neither ``--db`` nor ``GLOSSATOR_DB`` names one."""
    return user_data_dir() / DB_FILE_NAME


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The database file to open: explicit ``path``, else ``GLOSSATOR_DB``, else the default."""
    if path is not None and str(path):
        chosen = Path(path)
    elif os.environ.get(DB_ENV_VAR):
        chosen = Path(os.environ[DB_ENV_VAR])
    else:
        chosen = default_db_path()
    return chosen.expanduser().absolute()
