"""What the crash test checks after each kill: the file's integrity and every acknowledged write."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Acknowledged:
    """The writes a writer reported as committed, read from its acknowledgement log."""

    notes: dict[int, str] = field(default_factory=dict)
    sources: dict[int, str] = field(default_factory=dict)
    articles: dict[int, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.notes) + len(self.sources) + len(self.articles)

    @classmethod
    def read(cls, log: Path) -> Acknowledged:
        acked = cls()
        tables = {"note": acked.notes, "source": acked.sources, "article": acked.articles}
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        for line in text.splitlines(keepends=True):
            # A line cut short by the kill was never a complete acknowledgement.
            if not line.endswith("\n"):
                continue
            kind, row_id, value = line.rstrip("\n").split(" ", 2)
            tables[kind][int(row_id)] = value
        return acked


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file, read by a plain SQLite connection."""
    connection = sqlite3.connect(path)
    try:
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def lost_writes(path: Path, acked: Acknowledged) -> list[str]:
    """Every acknowledged write that is missing or different in the file."""
    connection = sqlite3.connect(path)
    try:
        stored = {
            "note": dict(connection.execute("SELECT id, body FROM note")),
            "source": dict(connection.execute("SELECT id, url FROM source")),
            "article": dict(connection.execute("SELECT id, text_hash FROM article")),
        }
    finally:
        connection.close()
    lost = []
    for kind, expected in (("note", acked.notes), ("source", acked.sources), ("article", acked.articles)):
        for row_id, value in expected.items():
            if stored[kind].get(row_id) != value:
                lost.append(f"{kind} {row_id}")
    return lost
