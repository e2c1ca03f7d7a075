"""The titles and office words that stand before a person's name: one vocabulary.

Guidelines section 2: a title or office is no part of a person's name ("President Vladimir
Putin" -> "Vladimir Putin", "Count Leo Tolstoy" -> "Leo Tolstoy"). The groups below are
general knowledge (offices of state, military ranks, courtesy, royal, noble and clerical
titles); every list the actor passes use is derived from them:

* ``TITLES_BEFORE_NAMES``: a title that, written last before a capitalised word,
  announces a person's name ("Chancellor Scholz", "Cardinal Parolin", "Baron Haussmann");
* ``TITLE_WORDS``: the words of a title or office, stripped from the front of a person's
  span ("Deputy Foreign Minister", "Archbishop");
* ``PERSON_TITLES``: titles that only a person bears right before a name (no "King
  Street", "Prince Albert Hall"): they make a lone surname that is also a place a person;
* ``RANK_TITLES``: titles that make a title-and-surname span a person whatever label the
  statistical model gave it ("Admiral Smoot", "Ambassador Jones"); nobility and clergy
  do so in ``_titled`` with a check of the words after them ("Duke University").

Some noble titles are also given names ("Earl Warren", "Duke Ellington", "Count Basie",
"Lady Gaga"): such a word is a title only before two or more name words ("Count Leo
Tolstoy") or before "of" and a territory ("Duke of Wellington", then the title is the
name itself and stays in the span).
"""

from __future__ import annotations

__all__ = [
    "CLERICAL",
    "GIVEN_NAME_TITLES",
    "NOBLE_TITLES",
    "PERSON_TITLES",
    "RANK_TITLES",
    "TITLES_BEFORE_NAMES",
    "PLURAL_TITLES",
    "TERRITORIAL",
    "TITLE_WORDS",
    "leading_title",
    "titles_before",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Offices of state and government that announce a name.
OFFICES = _words(
    """President Premier Chancellor Minister Secretary Senator Governor Mayor Ambassador
    Envoy Commissioner Chairman Chairwoman Speaker Judge Justice Prosecutor Congressman
    Congresswoman Councillor Councilor Rep. Sen. Gov. Amb. President-elect Vice-President
    Vice-Premier Secretary-General"""
)
#: Military ranks.
RANKS = _words(
    """General Gen. Admiral Adm. Marshal Colonel Col. Lieutenant Lt. Major Maj. Captain
    Capt. Commander Cmdr. Commodore Brigadier Brig. Sergeant Sgt. Corporal Cpl. Private
    Pvt."""
)
#: Courtesy and academic titles.
COURTESY = _words("Dr. Mr. Mrs. Ms. Prof. Professor Mr Mrs Ms Dr")
#: Rulers and their families.
ROYAL = _words(
    """King Queen Prince Princess Emperor Empress Sultan Emir Sheikh Shaikh Crown-Prince
    Tsar Czar Tsars Czars Tsarina Tsaritsa Czarina Tsarevich Tsesarevich Tsarevna Kaiser
    Pharaoh Caliph Maharaja Maharajah Archduke Archduchess Regent"""
)
#: Titles of nobility and the British courtesy titles.
NOBLE_TITLES = _words(
    """Sir Dame Lord Lady Baron Baroness Count Countess Duke Duchess Marquess Marquis
    Marchioness Earl Viscount Viscountess"""
)
#: Titles of religious office.
CLERICAL = _words(
    """Pope Ayatollah Imam Rabbi Bishop Archbishop Cardinal Patriarch Reverend Rev. Pastor"""
)
#: Noble titles that are also given names ("Earl Warren", "Duke Ellington", "Lady Gaga").
GIVEN_NAME_TITLES = _words("Earl Duke Count Baron Lady")
#: Words that only occur inside compound offices or before one ("Deputy Foreign
#: Minister", "Secretary of Defense", "Acting", "former"), and office nouns that do not
#: announce a name by themselves.
_OFFICE_PARTS = _words(
    """Vice Prime Ministers Foreign Deputy First Chair Crown Chief Head Director Special
    Representative Defense Defence Finance Economy Trade Commerce Interior Security State
    Councilor Assistant Executive Party Spokesman Spokeswoman Spokesperson Supreme Leader
    Acting Former former late then Then Deputy-Chief Staff Public Affairs External Home
    Energy Ambassador-at-Large Administrator Navy Army Air Force Defense-Minister
    Premier-designate Without Portfolio"""
)

#: Plural offices and ranks before a list of names ("Presidents Aliyev and Pashinyan",
#: "Foreign Ministers Wang and Lavrov", "Generals Milley and Gerasimov").
PLURAL_TITLES = _words(
    """Presidents Premiers Chancellors Ministers Secretaries Senators Governors Mayors
    Ambassadors Envoys Commissioners Generals Admirals Marshals Colonels Kings Queens
    Princes Emperors Sultans Emirs Sheikhs Popes Cardinals Bishops Judges Justices"""
)


TITLES_BEFORE_NAMES = OFFICES | RANKS | COURTESY | ROYAL | NOBLE_TITLES | CLERICAL
#: Plural titles that also name sports teams or places ("the Cardinals", "Queens"): they
#: announce names after them but are not stripped from a name.
_TEAM_PLURALS = _words("Kings Queens Cardinals Senators Bishops Princes")
TITLE_WORDS = (
    TITLES_BEFORE_NAMES | _OFFICE_PARTS | (PLURAL_TITLES - _TEAM_PLURALS)
) - GIVEN_NAME_TITLES
PERSON_TITLES = (
    COURTESY
    | _words("Sir Lord Lady Dame")
    | _words(
        """Secretary Senator Sen. Rep. Representative Ambassador President Minister
        Premier Chancellor Governor General Gen. Admiral Adm. Colonel Col. Captain Capt.
        Lieutenant Lt. Judge Mayor Commissioner Chairman Chairwoman"""
    )
)
RANK_TITLES = _words(
    "Admiral Adm. Ambassador Amb. Colonel Col. Commodore Senator Sen. Secretary Dr. Mr. Mrs. "
    "Ms. Prof."
)


#: Particles after a title of nobility that make the title the name ("Duke of Wellington",
#: "Marquis de Lafayette", "Prince of Wales").
TERRITORIAL = _words("of de du d' von van")


def leading_title(words: list[str]) -> bool:
    """Whether the first of a person's name ``words`` is a title to leave out: a title word
    (not a royal or noble one followed by a particle of territory, "Duke of Wellington"),
    or a noble title that is also a given name when two or more name words follow it
    ("Count Leo Tolstoy", not "Count Basie" or "Earl Warren")."""
    if len(words) < 2:
        return False
    first = words[0]
    if first in NOBLE_TITLES | ROYAL and words[1] in TERRITORIAL:
        return False
    return first in TITLE_WORDS or (first in GIVEN_NAME_TITLES and len(words) >= 3)


def titles_before(words: list[str]) -> int:
    """How many of a person's name ``words`` are leading titles ("Ayatollah Ali Khamenei"
    -> 1, "Deputy Foreign Minister Ryabkov" -> 3); the last word is always kept."""
    k = 0
    while k < len(words) - 1 and leading_title(words[k:]):
        k += 1
    return k
