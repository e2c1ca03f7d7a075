"""A job's settings: tables wanted, components not needed, the user's resources, the fingerprint."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relnlp.about import DEFAULT_MODEL, FALLBACK_MODELS
from relnlp.errors import ConfigError, Errors, ResourceError
from relnlp.pipeline.needs import _parse_only as _parse_only
from relnlp.pipeline.needs import components_to_exclude as components_to_exclude

if TYPE_CHECKING:
    from relnlp.themes.taxonomy import Taxonomy


def _check_int(name: str, value: object, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(
            Errors.E106.format(name=name, expected=f"an int >= {minimum}", value=value)
        )
    return value


def _check_model(model: str) -> None:
    """Fail early, with E101, when the spaCy pipeline is not installed here."""
    import importlib.util

    names = [model] + (list(FALLBACK_MODELS) if model == DEFAULT_MODEL else [])
    for name in names:
        if Path(name).exists():
            return
        with contextlib.suppress(ImportError, ValueError):
            if importlib.util.find_spec(name) is not None:
                return
    raise ResourceError(Errors.E101.format(name=model), name=model)


_RESOURCE_KEYS = ("gazetteer", "taxonomy", "themes_model")


@dataclass
class _Resources:
    gazetteer: tuple[str, ...] = ()
    taxonomy: Taxonomy | None = None
    taxonomy_toml: str = ""
    themes_model: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _user_resources(
    gazetteer: Sequence[str | os.PathLike[str]],
    taxonomy: Taxonomy | str | os.PathLike[str] | None,
    themes_model: str | os.PathLike[str] | None,
) -> _Resources:
    """Check the user's gazetteer, taxonomy and theme model (raising the same coded
    errors as :func:`relnlp.load`) and describe them for the job's fingerprint."""
    import tempfile

    from relnlp.gazetteer import load_gazetteer
    from relnlp.themes.loading import build_classifier
    from relnlp.themes.taxonomy import Taxonomy

    out = _Resources()
    if isinstance(gazetteer, (str, os.PathLike)):
        gazetteer = [gazetteer]
    if gazetteer:
        paths = tuple(str(Path(g).absolute()) for g in gazetteer)
        load_gazetteer(paths, packaged=False)  # E107/E108 and missing files, now
        out.gazetteer = paths
        out.settings["gazetteer"] = [_sha256(Path(p)) for p in paths]
    if taxonomy is not None:
        tax = taxonomy if isinstance(taxonomy, Taxonomy) else Taxonomy.load(taxonomy)
        with tempfile.TemporaryDirectory() as tmp:
            out.taxonomy_toml = tax.save(Path(tmp) / "taxonomy.toml").read_text("utf-8")
        out.taxonomy = tax
        out.settings["taxonomy"] = tax.key
    if themes_model is not None:
        path = Path(themes_model).absolute()
        build_classifier(out.taxonomy, path)  # E305 and a taxonomy mismatch, now
        out.themes_model = str(path)
        out.settings["themes_model"] = _sha256(
            path / "themes_model.json" if path.is_dir() else path
        )
    return out


def _fingerprint(settings: Mapping[str, Any]) -> str:
    blob = json.dumps(settings, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]
