"""Locate and build theme classifiers (taxonomy + model) for the pipeline."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from relnlp.themes.classifier import ThemeClassifier, ThemeModel
from relnlp.themes.taxonomy import Taxonomy

__all__ = ["PACKAGED_MODEL", "build_classifier", "packaged_model_path"]

PACKAGED_MODEL = "themes-v2"


def packaged_model_path() -> Path | None:
    """The packaged default model directory (wheel: relnlp/models; source tree: models/)."""
    installed = resources.files("relnlp") / "models" / PACKAGED_MODEL / "themes_model.json"
    if installed.is_file():
        return Path(str(installed)).parent
    tree = Path(__file__).resolve().parents[3] / "models" / PACKAGED_MODEL
    return tree if (tree / "themes_model.json").is_file() else None


def build_classifier(
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    model: ThemeModel | str | os.PathLike[str] | None = None,
    packaged_model: bool = True,
) -> ThemeClassifier:
    """A classifier from a taxonomy (default: packaged) and a model (default: packaged)."""
    tax = (
        taxonomy
        if isinstance(taxonomy, Taxonomy)
        else (Taxonomy.load(taxonomy) if taxonomy is not None else Taxonomy.default())
    )
    mdl: Any = model
    if model is not None and not isinstance(model, ThemeModel):
        mdl = ThemeModel.load(model)
    elif model is None and packaged_model:
        p = packaged_model_path()
        mdl = ThemeModel.load(p) if p is not None else None
    return ThemeClassifier(tax, mdl)
