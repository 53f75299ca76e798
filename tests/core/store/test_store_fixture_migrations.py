"""Every schema version's fixture library upgrades to the current schema with all its work intact.

The fixtures (``tests/data/db/v<N>.db``) are written once per version by
``tests/data/db/make_fixture.py`` and never changed; each one is copied and opened here.
"""

import shutil
import sqlite3

import pytest
from peewee import TextField

from glossator.core.store import (
    add_article_note,
    annotation_records,
    article_notes,
    backups,
    close_database,
    migrations,
    models,
    open_database,
    search,
)
from tests.data.db.make_fixture import ARTICLE_NOTE, CONTENT, TEXT, fixture_path

FIXTURE_DIR = fixture_path(1).parent
VERSIONS = sorted(int(path.stem[1:]) for path in FIXTURE_DIR.glob("v*.db"))


def _expected():
    return {
        phrase: (sorted(notes), sorted(sources)) for phrase, notes, sources in CONTENT
    }


def _stored():
    [article] = models.Article.select()
    assert article.text == TEXT
    found = {}
    for record in annotation_records(article.id):
        phrase = TEXT[record.start:record.end]
        found[phrase] = (sorted(record.notes), sorted((s.url, s.title, s.stance) for s in record.sources))
    return article, found


def test_there_is_a_fixture_for_every_schema_version():
    assert VERSIONS == list(range(1, migrations.latest_version() + 1))


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_upgrades_to_the_current_schema_with_notes_and_sources(version, tmp_path):
    original = fixture_path(version).read_bytes()
    path = tmp_path / "library.db"
    shutil.copyfile(fixture_path(version), path)

    open_database(path)
    assert migrations.stored_version() == migrations.latest_version()
    article, found = _stored()
    assert found == _expected()
    assert [note.body for note in article_notes(article.id)] == [ARTICLE_NOTE]
    # Notes, sources and the text written before the search index existed are found.
    assert {(hit.kind, hit.article_id) for hit in search("Bloomberg")} == {("note", article.id)}
    assert {hit.kind for hit in search("Cost claim")} == {"source"}
    assert {hit.kind for hit in search("approximately")} == {"article"}
    assert models.DB.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    close_database()
    assert fixture_path(version).read_bytes() == original


def test_oldest_fixture_survives_a_further_step(tmp_path, monkeypatch):
    # The next migration will meet files like this one: a step that rebuilds a table must
    # keep every note and source, and the copy taken first must hold the old schema.
    latest = migrations.latest_version()

    def next_step(migrator):
        migrator.migrate(
            migrator.add_column("source", "archived_url", TextField(default="")),
            # Changing a column's type makes SQLite rebuild the table the notes point to.
            migrator.alter_column_type("annotation", "label", TextField(default="")),
            # Rebuilding the notes table drops the search index's triggers on it.
            migrator.alter_column_type("note", "body", TextField(default="")),
        )

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (latest + 1, next_step)])
    path = tmp_path / "library.db"
    shutil.copyfile(fixture_path(VERSIONS[0]), path)
    open_database(path)
    assert migrations.stored_version() == latest + 1
    assert _stored()[1] == _expected()
    # The index's triggers hold after a step that rebuilds a table.
    article_id = models.Article.get().id
    add_article_note(article_id, "Written after the upgrade: zeppelin")
    assert [hit.kind for hit in search("zeppelin")] == ["note"]
    assert {hit.kind for hit in search("Reuters")} == {"note"}
    close_database()
    [copy] = [b for b in backups.list_backups(path) if b.kind.startswith("upgrade-from")]
    connection = sqlite3.connect(copy.path)
    assert connection.execute("SELECT version FROM schema_version").fetchone()[0] == VERSIONS[0]
    connection.close()
