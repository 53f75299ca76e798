"""The open library and its journals are refused as articles before anything opens them."""

import os

import pytest

from glossator.core import store
from glossator.core.errors import ReadError
from glossator.core.readers import read_article as read_text
from glossator.core.services import articles
from glossator.core.store import connection_guard


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_library_files_are_refused_and_its_locks_kept(glossator_db, suffix):
    store.list_articles()
    target = glossator_db.with_name(glossator_db.name + suffix)
    assert target.exists()
    with pytest.raises(ReadError, match="Glossator's own library"):
        read_text(target)
    with pytest.raises(ReadError, match="Glossator's own library"):
        articles.import_file(target)
    if connection_guard.lock_checks_supported():
        assert connection_guard.holds_lock(glossator_db) is True


def test_a_link_to_the_library_is_refused_too(glossator_db, tmp_path):
    link = tmp_path / "looks-like-an-article.txt"
    os.symlink(glossator_db, link)
    with pytest.raises(ReadError, match="Glossator's own library"):
        read_text(link)


def test_a_closed_library_may_be_read_again(glossator_db):
    store.close_database()
    # Not an article, but no longer refused as the open library: the reader says what it is.
    with pytest.raises(ReadError) as caught:
        read_text(glossator_db)
    assert "own library" not in str(caught.value)
