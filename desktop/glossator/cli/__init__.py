"""The ``glossator`` command: argument parsing, one module a group of commands, and output."""

from glossator.cli.dispatch import main

__all__ = ["main"]
