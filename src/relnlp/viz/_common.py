"""Colours, escaping and the page shell shared by the pictures of :mod:`relnlp.viz`."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import pandas as pd

#: Background colour per entity label (displaCy's palette, so the pictures look familiar).
ENTITY_COLORS: Mapping[str, str] = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "NORP": "#c887fb",
    "LOC": "#ff9561",
    "FAC": "#9cc9cc",
    "EVENT": "#ffeb80",
    "LAW": "#ff8197",
    "PRODUCT": "#bfeeb7",
}
_DEFAULT_ENTITY_COLOR = "#ddd"
_DATE_COLOR = "#bfe1d9"
#: Theme colours, assigned in taxonomy order (Okabe-Ito: distinguishable for most readers).
_THEME_COLORS = ("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#f0e442")
_COOPERATION_COLOR = "#2a9d8f"
_TENSION_COLOR = "#d1495b"
_NEED_MATPLOTLIB = (
    "relnlp.viz plotting needs matplotlib, which is not installed. Install it with: "
    "pip install 'relnlp[viz]'."
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _esc(text: str, quote: bool = False) -> str:
    """HTML-escape text; lone surrogates (invalid in UTF-8) become U+FFFD."""
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=quote)


def _attr(value: object) -> str:
    return _esc("" if value is None else str(value), quote=True)


def _present(value: object) -> bool:
    """False for None, NaN, NA and empty strings/lists."""
    if value is None:
        return False
    if isinstance(value, str | list | tuple):
        return len(value) > 0
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _page(title: str, head_css: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{head_css}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )
