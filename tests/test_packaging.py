"""pyproject.toml lists every package, so the wheel carries the whole application."""

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = set(find_packages(str(ROOT / "desktop"))) | {"glossator.resources"}
    assert listed == found


def test_resources_ship_the_sample():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["glossator.resources"]
    assert "**/*.txt" in patterns
    assert (ROOT / "resources" / "samples" / "deepseek-r1-news.txt").exists()
