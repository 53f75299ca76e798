"""Files shipped inside the package (``glossator.resources``): sample articles and the like."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource file, e.g. ``resource_path("samples", "x.txt")``."""
    with as_file(files("glossator.resources").joinpath(*parts)) as path:
        return Path(path)


def sample_article() -> Path:
    """The bundled sample news article."""
    return resource_path("samples", "deepseek-r1-news.txt")
