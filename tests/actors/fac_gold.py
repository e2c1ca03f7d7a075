"""A small FAC gold set of news, history and security sentences written for relnlp's tests
(from no corpus; fourteenth entity pass, issue 18), and its scorer.

Each case gives the sentence, the names that are FAC in it (corpora/GUIDELINES.md section 2:
buildings and named sites; section 8: a capitalised head written as part of the name is
kept, a lower-case one is not), and look-alikes that must not be FAC with the label they
take ("Fort Worth" the city, "Camp David Accords" the treaty, "Port Sudan" the city).
Seats of government are FAC as spans whatever they do in the sentence ("the Kremlin
denied", "the Pentagon said"): the guidelines' decision for "Kremlin" and "White House"
(section 8, decisions), applied to every seat of government. Embassies are not FAC: the
gold makes every embassy ORG. The gold was written before relnlp was run on the sentences.
"""

from __future__ import annotations

from typing import Any

from tests.actors._prf import prf

#: (sentence, FAC names, {look-alike: the label it takes (None: not an entity or any
#: label but FAC)}).
FAC_CASES: list[tuple[str, set[str], dict[str, str | None]]] = [
    (
        "Two drones struck Ramstein Air Base early on Tuesday, officials said.",
        {"Ramstein Air Base"},
        {},
    ),
    ("The convoy left Camp Lemonnier in Djibouti before dawn.", {"Camp Lemonnier"}, {}),
    ("Troops from Fort Bragg were flown to the region within 48 hours.", {"Fort Bragg"}, {}),
    ("Prices rose after tankers were delayed at the Port of Gwadar.", {"Port of Gwadar"}, {}),
    (
        "Flights from Sheremetyevo International Airport were suspended for three hours.",
        {"Sheremetyevo International Airport"},
        {},
    ),
    ("A truck bomb damaged the Crimean Bridge in October 2022.", {"Crimean Bridge"}, {}),
    ("Engineers warned that the Kakhovka Dam could fail after the shelling.", {"Kakhovka Dam"}, {}),
    (
        "Ethiopia began filling the Grand Ethiopian Renaissance Dam despite Egyptian objections.",
        {"Grand Ethiopian Renaissance Dam"},
        {},
    ),
    ("The journalist spent two years in Evin Prison before his release.", {"Evin Prison"}, {}),
    ("The French president received the delegation at the Élysée Palace.", {"Élysée Palace"}, {}),
    (
        "Crowds gathered in Tahrir Square to demand the resignation of the cabinet.",
        {"Tahrir Square"},
        {},
    ),
    (
        "The final was played at Luzhniki Stadium in front of 78,000 spectators.",
        {"Luzhniki Stadium"},
        {},
    ),
    ("Houthi attacks diverted ships away from the Suez Canal.", {"Suez Canal"}, {}),
    (
        "Inspectors were again denied access to the Zaporizhzhia Nuclear Power Plant.",
        {"Zaporizhzhia Nuclear Power Plant"},
        {},
    ),
    ("Aid trucks queued for days at the Kerem Shalom crossing.", {"Kerem Shalom"}, {}),
    ("Officials met on the 40th floor of the Chrysler Building.", {"Chrysler Building"}, {}),
    (
        "Protesters gathered outside Trump Tower on Fifth Avenue.",
        {"Trump Tower", "Fifth Avenue"},
        {},
    ),
    (
        "The leaders spent the weekend at Camp David in Maryland.",
        {"Camp David"},
        {"Maryland": "GPE"},
    ),
    (
        "The Camp David Accords were signed in 1978.",
        set(),
        {"Camp David Accords": "LAW", "Camp David": None},
    ),
    ("She moved from Fort Worth to Houston after the war.", set(), {"Fort Worth": "GPE"}),
    ("The Pentagon said the strike had killed two militants.", {"Pentagon"}, {}),
    ("The White House announced new sanctions on Friday.", {"White House"}, {}),
    ("The Kremlin denied any role in the attack.", {"Kremlin"}, {}),
    ("Downing Street declined to comment on the report.", {"Downing Street"}, {}),
    (
        "Decisions on Taiwan are taken in Zhongnanhai, not in the Foreign Ministry.",
        {"Zhongnanhai"},
        {"Foreign Ministry": "ORG"},
    ),
    ("The Elysee said Macron would travel to Kyiv next week.", {"Elysee"}, {}),
    ("Confederate batteries opened fire on Fort Sumter in April 1861.", {"Fort Sumter"}, {}),
    ("Revolutionaries stormed the Bastille on 14 July 1789.", {"Bastille"}, {}),
    ("The Berlin Wall fell in November 1989.", {"Berlin Wall"}, {"Berlin": None}),
    ("Reagan spoke in front of the Brandenburg Gate.", {"Brandenburg Gate"}, {}),
    (
        "Soviet and American tanks faced each other at Checkpoint Charlie.",
        {"Checkpoint Charlie"},
        {"Charlie": None},
    ),
    (
        "The Bolsheviks seized the Winter Palace in Petrograd.",
        {"Winter Palace"},
        {"Petrograd": "GPE"},
    ),
    ("French troops waited behind the Maginot Line.", {"Maginot Line"}, {}),
    ("Russia launched the satellite from the Vostochny Cosmodrome.", {"Vostochny Cosmodrome"}, {}),
    (
        "Iran has expanded enrichment at the Fordow Fuel Enrichment Plant.",
        {"Fordow Fuel Enrichment Plant"},
        {},
    ),
    ("US forces withdrew from Bagram Airfield in July 2021.", {"Bagram Airfield"}, {}),
    ("The destroyers docked at Yokosuka Naval Base for repairs.", {"Yokosuka Naval Base"}, {}),
    ("The Karakoram Highway was closed by landslides for a week.", {"Karakoram Highway"}, {}),
    ("Worshippers clashed with police at the Al-Aqsa Mosque.", {"Al-Aqsa Mosque"}, {}),
    ("Rioters stormed the Capitol on 6 January 2021.", {"Capitol"}, {}),
    ("The Golden Gate Bridge was closed to traffic.", {"Golden Gate Bridge"}, {}),
    ("Port Sudan became the seat of the army-backed government.", set(), {"Port Sudan": "GPE"}),
    ("The ministers met in Port Moresby to discuss fisheries.", set(), {"Port Moresby": "GPE"}),
    ("Fort McMurray was evacuated because of wildfires.", set(), {"Fort McMurray": "GPE"}),
    ("Protesters climbed the walls of the US Embassy in Baghdad.", set(), {"US Embassy": None}),
    (
        "The Trans-Anatolian Pipeline carries Azerbaijani gas to Europe.",
        {"Trans-Anatolian Pipeline"},
        {},
    ),
    (
        "The Chernobyl Nuclear Power Plant was occupied for five weeks.",
        {"Chernobyl Nuclear Power Plant"},
        {},
    ),
    ("Guards at Lefortovo Prison refused the consul's visit.", {"Lefortovo Prison"}, {}),
    (
        "The ceasefire talks were held at the Palace of Nations in Geneva.",
        {"Palace of Nations"},
        {},
    ),
    (
        "The Treaty of Versailles was signed at the Palace of Versailles.",
        {"Palace of Versailles"},
        {"Treaty of Versailles": "LAW"},
    ),
    ("Gunmen attacked a checkpoint near the Erez crossing.", {"Erez"}, {}),
    ("The Hoover Dam supplies power to three states.", {"Hoover Dam"}, {}),
    ("The Mariinsky Palace in Kyiv hosted the signing.", {"Mariinsky Palace"}, {"Kyiv": "GPE"}),
    ("The ministers toured the Empire State Building.", {"Empire State Building"}, {}),
    (
        "Fighting broke out near the Antonivskyi Bridge over the Dnipro.",
        {"Antonivskyi Bridge"},
        {},
    ),
    ("Cargo ships waited for days to pass through the Panama Canal.", {"Panama Canal"}, {}),
    ("She was born in Fort Lauderdale and studied in Boston.", set(), {"Fort Lauderdale": "GPE"}),
    ("The Zhongnanhai leadership compound was sealed off.", {"Zhongnanhai"}, {}),
    ("Buckingham Palace confirmed the state visit on Monday.", {"Buckingham Palace"}, {}),
    ("A memorial was unveiled at the Blue House in Seoul.", {"Blue House"}, {"Seoul": "GPE"}),
]

#: Canonicals of seats of government, one rule (FAC, the building's usual English name).
SEAT_CANONICALS: dict[str, str] = {
    "Pentagon": "Pentagon",
    "White House": "White House",
    "Kremlin": "Kremlin",
    "Downing Street": "10 Downing Street",
    "Zhongnanhai": "Zhongnanhai",
    "Elysee": "Élysée Palace",
    "Élysée Palace": "Élysée Palace",
    "Blue House": "Blue House",
}

Row = tuple[str, str, str]


def fac_rows(nlp: Any) -> list[list[Row]]:
    """(text, label, canonical) of every entity of each case's sentence."""
    docs = [nlp.analyze(text, doc_date="2024-05-01") for text, _, _ in FAC_CASES]
    return [[(r.text, r.label, r.canonical) for r in d.entities.itertuples()] for d in docs]


Case = tuple[str, set[str], dict[str, str | None]]


def fac_scores(rows: list[list[Row]], cases: list[Case] | None = None) -> dict[str, float]:
    """FAC precision, recall and F1 (exact span and label) over the cases (by default
    :data:`FAC_CASES`), and the share of look-alikes that take their expected label (or,
    expected ``None``, are not FAC)."""
    tp = fp = fn = ok = total = 0
    for (_, gold, alikes), got in zip(cases or FAC_CASES, rows, strict=True):
        fac = {text for text, label, _ in got if label == "FAC"}
        tp += len(fac & gold)
        fp += len(fac - gold)
        fn += len(gold - fac)
        labels = {text: label for text, label, _ in got}
        for name, label in alikes.items():
            total += 1
            ok += labels.get(name) == label if label else name not in fac
    return {**prf(tp, fp, fn), "alike": ok / total}


#: A second set written after the fixes of the fourteenth pass, kept apart from their
#: development and scored once (same form as :data:`FAC_CASES`).
FAC_FRESH: list[tuple[str, set[str], dict[str, str | None]]] = [
    (
        "Militants fired mortars at the Halvorsen Building on Tuesday night.",
        {"Halvorsen Building"},
        {},
    ),
    (
        "The report on Capacity Building was presented in Astana.",
        set(),
        {"Capacity Building": None},
    ),
    ("Soldiers from Fort Drum were sent to the border.", {"Fort Drum"}, {}),
    ("Port Harcourt was paralysed by a general strike.", set(), {"Port Harcourt": "GPE"}),
    ("A Pentagon spokesman said the review was complete.", {"Pentagon"}, {}),
    ("Zhongnanhai has not commented on the purge.", {"Zhongnanhai"}, {}),
    ("The summit ended with a dinner at the Peace Palace.", {"Peace Palace"}, {}),
    ("Explosions were heard near the Vardenis Dam overnight.", {"Vardenis Dam"}, {}),
    ("Trade through the Torkham border crossing resumed on Monday.", {"Torkham"}, {}),
    ("He was held in Lefortovo Prison for eleven months.", {"Lefortovo Prison"}, {}),
    ("Crowds marched from Azadi Square to the parliament.", {"Azadi Square"}, {}),
    ("The Great Wall was built over many centuries.", {"Great Wall"}, {}),
    ("Fort Hood was renamed Fort Cavazos in 2023.", {"Fort Hood", "Fort Cavazos"}, {}),
    ("The Kantei issued a brief statement after midnight.", {"Kantei"}, {}),
    ("Lake Charles was hit hardest by the storm.", set(), {"Lake Charles": "GPE"}),
    (
        "Engineers inspected the Marlow Tower and the Ostrava Bridge.",
        {"Marlow Tower", "Ostrava Bridge"},
        {},
    ),
    ("Nation Building After Conflict", set(), {"Nation Building": None}),
    (
        "The treaty was drafted at the Okoye Building in Lagos.",
        {"Okoye Building"},
        {"Lagos": "GPE"},
    ),
]
