"""A library opened for reading only says so in the window, and an edit there is refused
with that reason rather than a generic failure."""

from glossator.core import store


def test_read_only_library_is_shown_in_the_status_bar(qtbot, settings, glossator_db):
    from glossator.ui.main_window import MainWindow

    store.close_database()
    store.open_database(glossator_db, read_only=True)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.read_only_label.isVisible()
    assert window.read_only_label.text() == "Read-only library"
    assert "it was opened for reading only" in window.read_only_label.toolTip()


def test_writable_library_shows_no_read_only_label(qtbot, window):
    assert not window.read_only_label.isVisible()


def test_label_follows_the_library_when_it_is_replaced(qtbot, settings, glossator_db):
    from glossator.ui.main_window import MainWindow

    store.close_database()
    store.open_database(glossator_db, read_only=True)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.read_only_label.isVisible()
    store.close_database()
    store.open_database(glossator_db)  # what a restore from backup does before telling the window
    window.library_replaced()
    assert not window.read_only_label.isVisible()
