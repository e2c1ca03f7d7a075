"""Themes: an extensible taxonomy and a passage classifier that shows its evidence."""

from relnlp.themes.classifier import (
    LabelledPassage,
    ThemeClassifier,
    ThemeModel,
    ThemeResult,
    read_labels,
    train,
)
from relnlp.themes.taxonomy import Taxonomy, Theme

__all__ = [
    "LabelledPassage",
    "Taxonomy",
    "Theme",
    "ThemeClassifier",
    "ThemeModel",
    "ThemeResult",
    "read_labels",
    "train",
]
