"""Abbreviations of policy and international-relations prose.

A period after these does not end a sentence and stays on the token. Grouped by kind;
spaCy's English exceptions already cover many (``U.S.``, ``Jan.``, ``Dr.``), which is
harmless: adding a special case twice is idempotent.
"""

from __future__ import annotations

from relnlp.lang.chars import MONTH_ABBREVIATIONS

MONTHS = tuple(f"{abbr}." for abbr in MONTH_ABBREVIATIONS)
# fmt: off
TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.",
          "Cpt.", "Adm.", "Cmdr.", "Cdr.", "Brig.", "Sgt.", "Cpl.", "Pvt.", "Gov.", "Sen.",
          "Rep.", "Amb.", "Pres.", "Sec.", "Hon.", "Rev.", "Sr.", "Jr.", "St.", "Ft.",
          "Gens.", "Lt.-Gen.", "Maj.-Gen.", "Lt.-Col.", "Rear-Adm.", "Vice-Adm.")
REFERENCES = ("pp.", "p.", "No.", "Nos.", "no.", "Vol.", "vol.", "Vols.", "ed.", "eds.",
              "Ed.", "Eds.", "ch.", "Ch.", "chap.", "Art.", "art.", "para.", "paras.",
              "sec.", "Sect.", "fig.", "Fig.", "cf.", "Cf.", "ibid.", "Ibid.", "op.", "cit.",
              "et al.", "n.d.", "trans.", "repr.", "rev.", "Suppl.", "approx.", "ca.", "c.",
              "vs.", "v.", "viz.", "esp.", "incl.", "est.", "Est.")
ORGS_PLACES = ("Co.", "Corp.", "Inc.", "Ltd.", "Bros.", "Dept.", "Univ.", "Assn.", "Intl.",
               "Int'l.", "Govt.", "Gov't.", "U.N.", "U.K.", "E.U.", "U.S.A.", "U.S.S.R.",
               "P.R.C.", "R.O.K.", "D.P.R.K.", "D.C.", "Mt.", "Ave.", "Blvd.", "Rd.")
# fmt: on

#: Abbreviations after which the next token never starts a sentence.
NO_BREAK_AFTER = frozenset(t for t in TITLES + REFERENCES if t not in ("op.", "cit."))

ALL = MONTHS + TITLES + REFERENCES + ORGS_PLACES
