"""Named landforms and bodies of water by their generic word: LOC.

General geography names a mountain, a lake, a cape or a stretch of sea by a generic word
and a proper name: "Mount Kenya", "Mt. Elgon", "Lake Victoria", "Cape Horn", "Gulf of
Aden", "Strait of Hormuz", "Bay of Bengal", "Sea of Okhotsk". The guidelines (LOC: seas,
rivers, islands, regions that are not states) and OntoNotes (LOC: mountains, bodies of
water) make them LOC; the small model often calls the unfamiliar ones NORP, PERSON, ORG or
GPE ("Mount Ararat" as PERSON) or splits "Gulf" from "of X".

Left out: a name that continues with the head of a body or a building ("Mount Sinai
Hospital", "Lake Forest College", "Cape Cod Museum": ORG or FAC, as OntoNotes tags
museums and galleries ORG), and a name the gazetteer knows as something else ("Cape Town",
"Lake Charles" when the gazetteer lists them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from relnlp.gazetteer import Gazetteer

__all__ = ["Landform", "find_landforms"]

_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
_LANDFORM = re.compile(
    rf"(?<![\w.-])(?:(?:Mount|Mt\.|Lake|Cape) {_WORD}(?: {_WORD})?"
    rf"|(?:Gulf|Strait|Straits|Bay|Sea) of (?:the )?{_WORD}(?: {_WORD})?)(?![\w-])"
)
# Heads after which the capitals name a body, a building, an event or an administrative
# unit, not the place ("Mount Lebanon governorate"; a lower-case head counts as well).
_NOT_PLACE = frozenset(
    """Hospital Hotel College University School Academy Institute Museum Gallery Library
    Church Cathedral Temple Mosque Station Airport Center Centre Company Corporation
    Group Club Society Association Foundation Council Commission Committee Authority
    Agency Office Ministry Bank Fund Trust Project Partners Initiative Forum Conference
    Summit Treaty Agreement Accord Accords Declaration Convention Protocol Doctrine Act
    Crisis War Campaign Offensive Battle Operation Street Road Avenue Boulevard Bridge
    Park Stadium Prison Base Plant Dam Canal Pipeline Port Harbour Harbor Shipyard
    Cooperation Resolution Incident Region District County Province Governorate Oblast
    Prefecture Municipality Town City Village""".split()
)


@dataclass(frozen=True)
class Landform:
    """A character span of ``text`` that names a landform or a body of water."""

    start: int
    end: int
    canonical: str


def find_landforms(text: str, gaz: Gazetteer) -> Iterator[Landform]:
    """The named mountains, lakes, capes, gulfs, straits, bays and seas of ``text`` by
    their generic word ("Mt. Elgon" -> canonical "Mount Elgon"); none where the name ends
    in, or runs on into, the head of a body or building ("Mount Sinai Hospital"), and none
    that ``gaz`` knows under another label ("Cape Town")."""
    for m in _LANDFORM.finditer(text):
        name = m.group()
        following = text[m.end() : m.end() + 40].split(" ", 2)
        after = following[1].rstrip(".,;:") if len(following) > 1 and not following[0] else ""
        if name.rsplit(" ", 1)[-1] in _NOT_PLACE or after.capitalize() in _NOT_PLACE:
            continue
        canonical = "Mount" + name[3:] if name.startswith("Mt. ") else name
        hit = gaz.lookup(canonical)
        if hit is not None and hit.label != "LOC":
            continue
        yield Landform(m.start(), m.end(), canonical)
