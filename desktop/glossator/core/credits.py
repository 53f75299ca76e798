"""Where the shipped models and data come from, and under which terms: for About and --version."""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass

from glossator.core.errors import GlossatorError
from glossator.core.nlp.model import package_info
from glossator.core.resources import resource_path

CLAIMBUSTER_CITATION = (
    "Arslan, Hassan, Li and Tremayne, \u201cA Benchmark Dataset of Check-worthy Factual Claims\u201d, "
    "ICWSM 2020 (Zenodo record 3609356, CC BY 4.0)"
)


@dataclass(frozen=True)
class Credit:
    """One bundled component: what it is, its version, its licence and whom to cite."""

    what: str
    detail: str
    licence: str


def _model_meta(package: str) -> dict:
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "meta.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)
    return {}


def model_credits() -> list[Credit]:
    """The language model and the check-worthiness model with their licences and sources."""
    found: list[Credit] = []
    try:
        info = package_info()
        meta = _model_meta(info.package)
        found.append(Credit(
            "Language model",
            f"{info.name} {info.version} (package {info.package}), by {meta.get('author', 'Explosion')}",
            meta.get("license", "MIT"),
        ))
    except GlossatorError as exc:
        found.append(Credit("Language model", str(exc), ""))
    header = resource_path("models", "checkworthiness.json")
    if header.exists():
        data = json.loads(header.read_text(encoding="utf-8")).get("data", {})
        found.append(Credit(
            "Check-worthiness model",
            f"trained on {data.get('sentences', 'the')} sentences of the ClaimBuster benchmark; "
            f"cite {CLAIMBUSTER_CITATION}",
            "ClaimBuster data: CC BY 4.0",
        ))
    return found
