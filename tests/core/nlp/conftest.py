import pytest

from glossator.core.nlp.analysis import analyze_text
from glossator.core.nlp.model import load_model
from tests.samples import sample_text


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def sample_analysis(nlp):
    text = sample_text()
    return text, analyze_text(text, nlp)
