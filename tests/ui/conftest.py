import pytest
from PySide6.QtCore import QSettings

from glossator.ui.settings import Settings


@pytest.fixture
def settings(tmp_path):
    """Window options in a temporary file, never the user's own."""
    return Settings(QSettings(str(tmp_path / "glossator.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    from glossator.ui.main_window import MainWindow

    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.controller.cancel()
    win.pools.wait()
