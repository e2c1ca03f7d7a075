"""Theme taxonomies: data files (TOML) validated on load, extensible from scripts.

A taxonomy is a list of themes. Each theme has an ``id``, a ``label``, a ``description``,
an optional ``parent`` (themes form a forest), ``cues`` (words or phrases, matched on word
stems), ``patterns`` (regular expressions) and ``examples`` (positive passages; optionally
``negative_examples``). A theme needs at least one cue, pattern or example.

``exclude`` (words or phrases, matched on stems like cues) and ``exclude_patterns``
(regular expressions) name what the theme is *not* about although its vocabulary appears
(the default taxonomy: arms sales are security cooperation, not geoeconomics, so "arms
exports" is no trade). In a sentence with an exclusion match the theme's cues and patterns
are not evidence; a passage with an exclusion match and no other evidence for the theme is
not tagged with it, whatever the trained model says (:mod:`relnlp.themes.features`).

Examples
--------
>>> from relnlp.themes import Taxonomy
>>> tax = Taxonomy.default()
>>> tax.ids
('counterterrorism', 'color_revolution', 'geoeconomics')
>>> _ = tax.add_theme("energy", description="Oil, gas and power.", cues=["pipeline"])
>>> tax.ids[-1], tax.version
('energy', '1.4.1+user')
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from relnlp.errors import Errors, TaxonomyError

__all__ = ["Taxonomy", "Theme"]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = {
    "id",
    "label",
    "description",
    "parent",
    "cues",
    "patterns",
    "examples",
    "negative_examples",
    "exclude",
    "exclude_patterns",
}
DEFAULT_NAME = "taxonomy/default.v1.toml"


@dataclass(frozen=True)
class Theme:
    """One theme of a taxonomy (see the module docstring for the fields)."""

    id: str
    label: str
    description: str = ""
    parent: str | None = None
    cues: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    negative_examples: tuple[str, ...] = ()
    #: Contexts that are not this theme although its cues occur (see the module docs).
    exclude: tuple[str, ...] = ()
    exclude_patterns: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "label": self.label}
        if self.description:
            out["description"] = self.description
        if self.parent:
            out["parent"] = self.parent
        for name in (
            "cues",
            "patterns",
            "examples",
            "negative_examples",
            "exclude",
            "exclude_patterns",
        ):
            values = getattr(self, name)
            if values:
                out[name] = list(values)
        return out


@dataclass(eq=False)
class Taxonomy:
    """A validated list of themes with a name and version.

    Build one with :meth:`default`, :meth:`load` or :meth:`from_dict`; :meth:`add_theme`
    and :meth:`remove_theme` change it in place (validated first; they also return the
    taxonomy, for chaining). ``version`` and ``fingerprint`` (a hash of the content) are
    recorded in every report's meta data. :func:`relnlp.load` takes a snapshot, so later
    edits do not change an analyser already loaded.
    """

    themes: tuple[Theme, ...]
    name: str = "user"
    version: str = "0"
    description: str = ""
    source: str = "<memory>"
    _patterns: dict[str, tuple[re.Pattern[str], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _exclude_patterns: dict[str, tuple[re.Pattern[str], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.themes = tuple(self.themes)
        self._validate()
        self._patterns = {
            t.id: tuple(re.compile(p, re.IGNORECASE) for p in t.patterns) for t in self.themes
        }
        self._exclude_patterns = {
            t.id: tuple(re.compile(p, re.IGNORECASE) for p in t.exclude_patterns)
            for t in self.themes
        }

    # Construction ------------------------------------------------------------------
    @classmethod
    def default(cls) -> Taxonomy:
        """The packaged default taxonomy (counterterrorism, color_revolution, geoeconomics)."""
        from relnlp import resources

        res = resources.path(DEFAULT_NAME)
        return cls.from_toml(res.read_text("utf-8"), source=f"relnlp/data/{DEFAULT_NAME}")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Taxonomy:
        """Read and validate a taxonomy file (TOML).

        Raises
        ------
        relnlp.errors.TaxonomyError
            Naming the file, the theme and the field that are wrong.
        """
        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise TaxonomyError(Errors.E302.format(path=p, detail=exc), path=str(p)) from exc
        except UnicodeDecodeError as exc:
            raise TaxonomyError(
                Errors.E302.format(path=p, detail="not UTF-8 text"), path=str(p)
            ) from exc
        return cls.from_toml(text, source=str(p))

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<string>") -> Taxonomy:
        """Parse taxonomy TOML text (``source`` names it in errors)."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise TaxonomyError(Errors.E302.format(path=source, detail=exc), path=source) from exc
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "<dict>") -> Taxonomy:
        """Build from the parsed structure ``{"taxonomy": {...}, "themes": [...]}``."""
        head = data.get("taxonomy", {})
        if not isinstance(head, dict):
            raise TaxonomyError(
                Errors.E301.format(
                    path=source, theme="-", field="taxonomy", problem="must be a table"
                ),
                path=source,
            )
        raw = data.get("themes")
        if not isinstance(raw, list) or not raw:
            raise TaxonomyError(
                Errors.E301.format(
                    path=source,
                    theme="-",
                    field="themes",
                    problem="need a non-empty array of [[themes]] tables",
                ),
                path=source,
            )
        themes = [_theme_from(obj, i, source) for i, obj in enumerate(raw)]
        return cls(
            tuple(themes),
            name=str(head.get("name", "user")),
            version=str(head.get("version", "0")),
            description=str(head.get("description", "")),
            source=source,
        )

    # Editing -------------------------------------------------------------------------
    def add_theme(
        self,
        id: str,  # noqa: A002 - the public API names it id
        *,
        label: str | None = None,
        description: str = "",
        parent: str | None = None,
        cues: Iterable[str] = (),
        patterns: Iterable[str] = (),
        examples: Iterable[str] = (),
        negative_examples: Iterable[str] = (),
        exclude: Iterable[str] = (),
        exclude_patterns: Iterable[str] = (),
    ) -> Taxonomy:
        """Add a theme in place, validated like a file's themes; returns the taxonomy.

        Raises
        ------
        relnlp.errors.TaxonomyError
            Duplicate id, unknown parent, no cue/pattern/example, invalid pattern; the
            taxonomy is left unchanged.
        """
        theme = _theme_from(
            {
                "id": id,
                "label": label or id.replace("_", " ").capitalize(),
                "description": description,
                "parent": parent,
                "cues": list(cues),
                "patterns": list(patterns),
                "examples": list(examples),
                "negative_examples": list(negative_examples),
                "exclude": list(exclude),
                "exclude_patterns": list(exclude_patterns),
            },
            len(self.themes),
            "add_theme()",
        )
        candidate = Taxonomy(
            self.themes + (theme,),
            name=self.name,
            version=self.version,
            description=self.description,
            source="add_theme()",
        )
        self._adopt(candidate)
        return self

    def extend_theme(
        self,
        id: str,  # noqa: A002
        *,
        cues: Iterable[str] = (),
        patterns: Iterable[str] = (),
        examples: Iterable[str] = (),
        negative_examples: Iterable[str] = (),
        exclude: Iterable[str] = (),
        exclude_patterns: Iterable[str] = (),
    ) -> Taxonomy:
        """Add cues, patterns, examples or exclusions to theme ``id`` in place (entries it
        already has are not repeated); validated like a file; returns the taxonomy.

        Examples
        --------
        >>> tax = Taxonomy.default().extend_theme("geoeconomics", exclude=["drone deal"])
        >>> tax["geoeconomics"].exclude[-1], tax.version
        ('drone deal', '1.4.1+user')

        Raises
        ------
        relnlp.errors.TaxonomyError
            Unknown theme, invalid pattern or entry; the taxonomy is left unchanged.
        """
        if id not in self.ids:
            raise TaxonomyError(
                Errors.E301.format(
                    path="extend_theme()",
                    theme=id,
                    field="id",
                    problem=f"unknown theme; themes: {', '.join(self.ids)}",
                ),
                path="extend_theme()",
                theme=id,
                field="id",
            )
        old = self[id]
        added = {
            "cues": cues,
            "patterns": patterns,
            "examples": examples,
            "negative_examples": negative_examples,
            "exclude": exclude,
            "exclude_patterns": exclude_patterns,
        }
        data = old.to_dict()
        for name, values in added.items():
            have = list(getattr(old, name))
            data[name] = have + [v for v in values if v not in have]
        theme = _theme_from(data, self.ids.index(id), "extend_theme()")
        themes = tuple(theme if t.id == id else t for t in self.themes)
        self._adopt(
            Taxonomy(
                themes,
                name=self.name,
                version=self.version,
                description=self.description,
                source="extend_theme()",
            )
        )
        return self

    def remove_theme(self, id: str) -> Taxonomy:  # noqa: A002
        """Remove theme ``id`` in place (its children lose their parent); returns self."""
        self[id]
        themes = tuple(
            replace(t, parent=None) if t.parent == id else t for t in self.themes if t.id != id
        )
        self._adopt(
            Taxonomy(
                themes,
                name=self.name,
                version=self.version,
                description=self.description,
                source=self.source,
            )
        )
        return self

    def _adopt(self, other: Taxonomy) -> None:
        self.themes = other.themes
        self._patterns = other._patterns
        self._exclude_patterns = other._exclude_patterns
        self.version = _user_version(self.version)

    def copy(self) -> Taxonomy:
        """An independent copy."""
        return Taxonomy(
            self.themes,
            name=self.name,
            version=self.version,
            description=self.description,
            source=self.source,
        )

    @property
    def key(self) -> str:
        """Name, version and fingerprint: identifies the content."""
        return f"{self.name}|{self.version}|{self.fingerprint}"

    def to_toml(self) -> str:
        """The taxonomy as TOML text (readable by :meth:`from_toml`)."""
        import tomli_w

        data = {
            "taxonomy": {
                "name": self.name,
                "version": self.version,
                "description": self.description,
            },
            "themes": [t.to_dict() for t in self.themes],
        }
        return tomli_w.dumps(data, multiline_strings=True)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the taxonomy as TOML (readable by :meth:`load`)."""
        p = Path(path)
        p.write_text(self.to_toml(), "utf-8")
        return p

    # Access ---------------------------------------------------------------------------
    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    @property
    def fingerprint(self) -> str:
        """A short hash of the themes' content (changes whenever a theme changes)."""
        blob = repr([t.to_dict() for t in self.themes]).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:12]

    def __getitem__(self, id: str) -> Theme:  # noqa: A002
        for t in self.themes:
            if t.id == id:
                return t
        raise KeyError(f"no theme {id!r}; themes: {', '.join(self.ids)}")

    def __contains__(self, id: object) -> bool:  # noqa: A002
        return id in self.ids

    def __len__(self) -> int:
        return len(self.themes)

    def patterns(self, id: str) -> tuple[re.Pattern[str], ...]:  # noqa: A002
        """Compiled regular expressions of theme ``id``."""
        return self._patterns[id]

    def exclude_patterns(self, id: str) -> tuple[re.Pattern[str], ...]:  # noqa: A002
        """Compiled ``exclude_patterns`` of theme ``id``."""
        return self._exclude_patterns[id]

    def ancestors(self, id: str) -> list[str]:  # noqa: A002
        """Parent, grandparent, ... of theme ``id``."""
        out, cur = [], self[id].parent
        while cur:
            out.append(cur)
            cur = self[cur].parent
        return out

    def summary(self) -> str:
        """A short human-readable listing (used by ``relnlp taxonomy show``)."""
        lines = [f"{self.name} {self.version} ({len(self)} themes, {self.source})"]
        for t in self.themes:
            depth = len(self.ancestors(t.id))
            lines.append(
                f"{'  ' * depth}- {t.id}: {t.label} [{len(t.cues)} cues, "
                f"{len(t.patterns)} patterns, {len(t.examples)} examples"
                + (
                    f", {len(t.exclude) + len(t.exclude_patterns)} exclusions"
                    if t.exclude or t.exclude_patterns
                    else ""
                )
                + "]"
            )
        return "\n".join(lines)

    # Validation -----------------------------------------------------------------------
    def _validate(self) -> None:
        src = self.source
        seen: set[str] = set()
        for t in self.themes:
            if t.id in seen:
                raise TaxonomyError(
                    Errors.E301.format(path=src, theme=t.id, field="id", problem="duplicate id"),
                    path=src,
                    theme=t.id,
                    field="id",
                )
            seen.add(t.id)
        for t in self.themes:
            if t.parent is not None and t.parent not in seen:
                raise TaxonomyError(
                    Errors.E301.format(
                        path=src, theme=t.id, field="parent", problem=f"unknown parent {t.parent!r}"
                    ),
                    path=src,
                    theme=t.id,
                    field="parent",
                )
        self._check_exclusions()
        parents = {t.id: t.parent for t in self.themes}
        for t in self.themes:
            path, cur = [t.id], t.parent
            while cur is not None:
                if cur in path:
                    cycle = " -> ".join(path + [cur])
                    raise TaxonomyError(
                        Errors.E301.format(
                            path=src, theme=t.id, field="parent", problem=f"cycle {cycle}"
                        ),
                        path=src,
                        theme=t.id,
                        field="parent",
                    )
                path.append(cur)
                cur = parents[cur]

    def _check_exclusions(self) -> None:
        """Warn (W232) about an exclusion that every occurrence of a cue contains."""
        import warnings

        from relnlp.errors import RelnlpWarning, Warnings
        from relnlp.themes.features import stems

        for t in self.themes:
            for term in t.exclude:
                ex = stems(term)
                n = len(ex)
                for cue in t.cues:
                    seq = stems(cue)
                    if n and any(seq[i : i + n] == ex for i in range(len(seq) - n + 1)):
                        warnings.warn(
                            Warnings.W232.format(path=self.source, theme=t.id, term=term, cue=cue),
                            RelnlpWarning,
                            stacklevel=4,
                        )


def _user_version(version: str) -> str:
    return version if version.endswith("+user") else f"{version}+user"


def _strings(obj: dict[str, Any], name: str, theme: str, source: str) -> tuple[str, ...]:
    value = obj.get(name, [])
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise TaxonomyError(
            Errors.E301.format(
                path=source,
                theme=theme,
                field=name,
                problem=f"must be a list of strings, got {type(value).__name__}",
            ),
            path=source,
            theme=theme,
            field=name,
        )
    out = []
    for v in value:
        if not isinstance(v, str) or not v.strip():
            raise TaxonomyError(
                Errors.E301.format(
                    path=source,
                    theme=theme,
                    field=name,
                    problem=f"entries must be non-empty strings, got {v!r}",
                ),
                path=source,
                theme=theme,
                field=name,
            )
        out.append(" ".join(v.split()))
    return tuple(out)


def _theme_from(obj: Any, index: int, source: str) -> Theme:
    if not isinstance(obj, dict):
        raise TaxonomyError(
            Errors.E301.format(
                path=source, theme=f"#{index + 1}", field="-", problem="a theme must be a table"
            ),
            path=source,
        )
    tid = obj.get("id")
    name = tid if isinstance(tid, str) else f"#{index + 1}"

    def fail(fld: str, problem: str) -> TaxonomyError:
        return TaxonomyError(
            Errors.E301.format(path=source, theme=name, field=fld, problem=problem),
            path=source,
            theme=name,
            field=fld,
        )

    if not isinstance(tid, str) or not _ID.match(tid):
        raise fail("id", f"must match {_ID.pattern} (lower case, digits, _), got {tid!r}")
    unknown = sorted(set(obj) - _FIELDS)
    if unknown:
        raise fail(unknown[0], f"unknown field; allowed: {', '.join(sorted(_FIELDS))}")
    label = obj.get("label", tid.replace("_", " ").capitalize())
    if not isinstance(label, str) or not label.strip():
        raise fail("label", "must be a non-empty string")
    desc = obj.get("description", "") or ""
    if not isinstance(desc, str):
        raise fail("description", "must be a string")
    parent = obj.get("parent") or None
    if parent is not None and not isinstance(parent, str):
        raise fail("parent", "must be a theme id")
    if parent == tid:
        raise fail("parent", f"cycle {tid} -> {tid}")
    cues = _strings(obj, "cues", name, source)
    patterns = _strings(obj, "patterns", name, source)
    exclude = _strings(obj, "exclude", name, source)
    exclude_patterns = _strings(obj, "exclude_patterns", name, source)
    for fld, pats in (("patterns", patterns), ("exclude_patterns", exclude_patterns)):
        for pat in pats:
            try:
                re.compile(pat)
            except re.error as exc:
                raise fail(fld, f"invalid regular expression {pat!r} ({exc})") from exc
    for term in exclude:
        if not any(ch.isalnum() for ch in term):
            raise fail("exclude", f"{term!r} has no word to match")
    examples = _strings(obj, "examples", name, source)
    negatives = _strings(obj, "negative_examples", name, source)
    if not cues and not patterns and not examples:
        raise fail("cues", "empty: give at least one cue, pattern or example")
    return Theme(
        id=tid,
        label=label.strip(),
        description=" ".join(desc.split()),
        parent=parent,
        cues=cues,
        patterns=patterns,
        examples=examples,
        negative_examples=negatives,
        exclude=exclude,
        exclude_patterns=exclude_patterns,
    )
