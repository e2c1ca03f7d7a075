"""Command-line interface: ``relnlp analyze``, ``relnlp batch``, ``relnlp --version``.

Exit codes: 0 all documents processed; 1 some documents failed (each reported on one
line naming the file); 2 usage or configuration error.
"""

from __future__ import annotations

import collections
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from relnlp.about import DEFAULT_MODEL, __version__

app = typer.Typer(
    name="relnlp",
    help="Turn policy and international-relations reports into tables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FORMATS = ("parquet", "csv", "jsonl")


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """A coded relnlp error (or a file the user named that does not exist) becomes
    ``error: [E...] ...`` on stderr and exit code 2."""
    from relnlp.errors import RelnlpError

    try:
        yield
    except (RelnlpError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"relnlp {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """relnlp command-line tools."""


def _write(frames: dict[str, Any], out: Path, fmt: str) -> list[Path]:
    import pandas as pd

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, parts in frames.items():
        df = pd.concat(parts, ignore_index=True) if parts else None
        if df is None:
            continue
        target = (out / f"{name}.{fmt}").resolve()
        if out.resolve() not in target.parents:  # never write outside --out
            raise typer.BadParameter(f"refusing to write outside {out}: {target}")
        tmp = target.with_suffix(target.suffix + ".tmp")
        if fmt == "parquet":
            df.to_parquet(tmp, index=False)
        elif fmt == "csv":
            df.to_csv(tmp, index=False)
        else:
            df.to_json(tmp, orient="records", lines=True, force_ascii=False)
        os.replace(tmp, target)
        written.append(target)
    return written


def _summary(report: Any) -> str:
    lines = [f"== {report.doc_id}: {report.document.title or '(untitled)'}"]
    d = report.document
    lines.append(
        f"   author: {d.author or '-'}   date: {report.meta.get('doc_date') or '-'}   "
        f"format: {d.format}"
    )
    tabs = report.tables()
    lines.append("   rows: " + ", ".join(f"{k} {len(v)}" for k, v in tabs.items()))
    ents = tabs["entities"]
    if len(ents):
        top = ents.groupby(["canonical", "label"]).size().sort_values(ascending=False)
        top_s = ", ".join(f"{c} ({lab}) x{n}" for (c, lab), n in top.head(8).items())
        lines.append(f"   top actors: {top_s}")
    dates = tabs["dates"]
    cal = dates[dates["type"] == "DATE"]["value"].dropna()
    # Calendar points only: "XXXX-10-01" (a recurring day) and "FY2021" do not sort as dates.
    vals = sorted(v.split("/")[0] for v in cal if v[:4].isdigit())
    if vals:
        lines.append(
            f"   date range: {vals[0]} .. {vals[-1]} ({len(dates)} temporal expressions, "
            f"{len(cal)} calendar dates)"
        )
    else:
        lines.append(f"   temporal expressions: {len(dates)} (none a calendar date)")
    pas = tabs["passages"]
    kinds = collections.Counter(pas["kind"])
    lines.append("   passages: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    themes = collections.Counter(t for ts in pas["themes"] for t in ts)
    lines.append(
        "   themes: " + (", ".join(f"{t} {n}" for t, n in themes.most_common()) or "none assigned")
    )
    doc_row = tabs["documents"].iloc[0]
    lines.append(
        f"   cooperation {doc_row['cooperation']:.2f}, tension {doc_row['tension']:.2f}, "
        f"Goldstein-like {doc_row['goldstein']:+.1f}; events: {len(tabs['events'])} "
        f"({int((tabs['events']['date'] != '').sum())} dated)"
    )
    return "\n".join(lines)


GazetteerOpt = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", help="Your gazetteer JSONL file (repeat for several)."),
]
TaxonomyOpt = Annotated[Path | None, typer.Option("--taxonomy", help="Taxonomy TOML file.")]
ThemesModelOpt = Annotated[
    Path | None,
    typer.Option("--themes-model", help="Theme model folder from `relnlp themes train`."),
]


def _resources(
    gazetteer: list[Path] | None, taxonomy: Path | None, themes_model: Path | None
) -> dict[str, Any]:
    """The user's resource options as keyword arguments of load() / batch.run()."""
    out: dict[str, Any] = {}
    if gazetteer:
        out["gazetteer"] = [str(g) for g in gazetteer]
    if taxonomy is not None:
        out["taxonomy"] = str(taxonomy)
    if themes_model is not None:
        out["themes_model"] = str(themes_model)
    return out


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the table files.")],
    format: Annotated[str, typer.Option("--format", help="parquet, csv or jsonl.")] = "parquet",
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print a summary per report.")] = False,
    gazetteer: GazetteerOpt = None,
    taxonomy: TaxonomyOpt = None,
    themes_model: ThemesModelOpt = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Analyse reports and write one table file per kind (rows keyed by doc_id)."""
    from relnlp.errors import RelnlpError

    if format not in FORMATS:
        typer.echo(f"error: --format must be one of {', '.join(FORMATS)}; got {format!r}", err=True)
        raise typer.Exit(2)
    import relnlp

    # Files, folders and globs are expanded, and documents named, as by `relnlp batch`
    # (batch.doc_id_for): one file has one doc_id whatever the command.
    from relnlp.batch._plan import input_documents

    files = input_documents(paths)
    if not files:
        typer.echo("error: no input files", err=True)
        raise typer.Exit(2)
    with _usage_errors():
        nlp = relnlp.load(model or DEFAULT_MODEL, **_resources(gazetteer, taxonomy, themes_model))
    frames: dict[str, list[Any]] = collections.defaultdict(list)
    failed = 0
    for spec in files:
        path = spec.path
        try:
            document = relnlp.read(path)
            report = nlp.analyze(document, doc_id=spec.doc_id)
            tabs = report.tables()
        except (RelnlpError, OSError, UnicodeError, ValueError) as exc:
            failed += 1
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            typer.echo(f"error: {path}: {type(exc).__name__}: {msg}", err=True)
            if debug:
                import traceback

                traceback.print_exc()
            continue
        for name, df in tabs.items():
            frames[name].append(df)
        if summary:
            typer.echo(_summary(report))
    written = _write(frames, out, format)
    typer.echo(
        f"relnlp: {len(files) - failed} of {len(files)} document(s) analysed; "
        f"{len(written)} table file(s) in {out}",
        err=not summary,
    )
    raise typer.Exit(1 if failed else 0)


@app.command()
def batch(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Report files, folders (recursive) or globs.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder (one dataset per table).")
    ] = None,
    n_process: Annotated[
        int, typer.Option("--n-process", help="Worker processes (local engine).")
    ] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    ] = None,
    only: Annotated[
        str | None, typer.Option("--only", help="Tables to write, e.g. entities,dates.")
    ] = None,
    chunk_size: Annotated[
        int | None,
        typer.Option(
            "--chunk-size",
            help="Documents per chunk (unit of resume); default: fitted to the documents "
            "and processes, at most 50.",
        ),
    ] = None,
    doc_date: Annotated[
        str | None, typer.Option("--doc-date", help="ISO date given to every document.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")
    ] = True,
    gazetteer: GazetteerOpt = None,
    taxonomy: TaxonomyOpt = None,
    themes_model: ThemesModelOpt = None,
    verify: Annotated[
        Path | None,
        typer.Option(
            "--verify",
            help="Check the output folder of a job (every chunk committed, every part as "
            "written) instead of running one.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Analyse many reports into Parquet datasets, resumably (rerun to finish a job).

    Writes OUT/<table>/part-*.parquet for every table, OUT/errors/ (one row per failed
    document) and OUT/manifest.json. Exit code 1 when any document failed or the output
    folder could not be written (disk full, no permission: rerun to finish), 2 for a
    usage error (a wrong --out among them). `relnlp batch --verify OUT` exits 0 for a
    finished job whose parts are all as written, 1 otherwise.
    """
    import warnings

    from relnlp import batch as _batch
    from relnlp.errors import RelnlpError, RelnlpWarning, StorageError

    def fail(exc: BaseException, code: int) -> typer.Exit:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        typer.echo(f"error: {msg}", err=True)
        if debug:
            import traceback

            traceback.print_exception(exc)
        return typer.Exit(code)

    if verify is not None:
        try:
            found = _batch.verify(verify)
        except StorageError as exc:
            raise fail(exc, 1) from None
        except RelnlpError as exc:
            raise fail(exc, 2) from None
        for line in found.messages():
            typer.echo(f"error: {line}", err=True)
        typer.echo(
            f"relnlp: {verify}: {found.committed} of {found.chunks} chunk(s) committed, "
            f"{len({p[0] for p in found.problems})} with a damaged part; "
            + ("the job is complete and intact" if found.ok else "rerun the job's command"),
            err=True,
        )
        raise typer.Exit(0 if found.ok else 1)
    if not inputs or out is None:
        typer.echo("error: give INPUT... and --out (or --verify OUT)", err=True)
        raise typer.Exit(2)

    kwargs: dict[str, Any] = {"model": model} if model else {}
    kwargs.update(_resources(gazetteer, taxonomy, themes_model))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RelnlpWarning)
        try:
            result = _batch.run(
                inputs,
                out,
                n_process=n_process,
                engine=engine,  # type: ignore[arg-type]
                scheduler=scheduler,
                only=only,
                chunk_size=chunk_size,
                doc_date=doc_date,
                progress=progress,
                **kwargs,
            )
            errors = _batch.read_table(result.out, _batch.ERRORS_TABLE) if result.failed else None
        except StorageError as exc:  # the disk, not the user's options: rerun later
            raise fail(exc, 1) from None
        except (RelnlpError, FileNotFoundError) as exc:
            raise fail(exc, 2) from None
        except OSError as exc:  # an uncoded fault of the storage, still one line
            raise fail(exc, 1) from None
        finally:
            for w in caught:
                if issubclass(w.category, RelnlpWarning):
                    typer.echo(f"warning: {w.message}", err=True)
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if errors is not None:
        for row in errors.head(20).itertuples(index=False):
            typer.echo(f"error: {row.path}: {row.error_type}: {row.message}", err=True)
        if len(errors) > 20:
            typer.echo(f"error: ... and {len(errors) - 20} more (see the errors table)", err=True)
    typer.echo(
        f"relnlp: {result.documents - result.failed} of {result.documents} document(s) "
        f"analysed, {result.failed} failed; {result.chunks_run} of {result.chunks} chunk(s) "
        f"run now; tables in {result.out}",
        err=True,
    )
    raise typer.Exit(1 if result.failed else 0)


@app.command()
def evaluate(
    gold: Annotated[
        Path | None,
        typer.Option(
            "--gold", help="Folder of <doc_id>.json + <doc_id>.txt gold files (set seeds)."
        ),
    ] = None,
    set_name: Annotated[
        str,
        typer.Option(
            "--set",
            help="seeds (default), dev, timebank, tone-un, tone-news, events-news, all (these "
            "together) or unseen (held out; only when named).",
        ),
    ] = "seeds",
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Development data folder (default: ../shared/dev, then $RELNLP_DEV_DATA).",
        ),
    ] = None,
    baselines: Annotated[
        bool, typer.Option("--baselines", help="Add the baselines' rows.")
    ] = False,
    every: Annotated[
        int,
        typer.Option(
            "--every", min=1, help="Score every n-th document of the timebank set (slow baselines)."
        ),
    ] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Score relnlp (and the baselines) on gold sets; print one scorecard per set.

    A set whose data is missing is skipped with one line saying why.
    """
    import datetime as dt
    import json as _json

    import pandas as pd

    import relnlp
    from relnlp.errors import RelnlpError
    from relnlp.evaluate import sets

    # "all" leaves out the held-out sets that run only when named (sets.EXPLICIT_ONLY).
    names = (
        [n for n in sets.SETS if n not in sets.EXPLICIT_ONLY] if set_name == "all" else [set_name]
    )
    if set_name != "all" and set_name not in sets.SETS:
        typer.echo(
            f"error: unknown evaluation set {set_name!r}; choose one of "
            f"{', '.join(sets.SETS)}, all",
            err=True,
        )
        raise typer.Exit(2)
    if data is not None and not data.is_dir():
        typer.echo(f"error: --data {data}: not a folder", err=True)
        raise typer.Exit(2)
    folder = data or sets.default_data_dir()
    frames: list[pd.DataFrame] = []
    status: dict[str, dict[str, Any]] = {}
    for name in names:
        try:
            if name == "seeds" and gold is not None:
                from relnlp.evaluate import seeds

                frame = seeds.run(None, baselines=baselines, gold=gold)
            else:
                frame = sets.run_set(name, folder, baselines=baselines, every=every)
        except sets.SetUnavailable as exc:
            status[name] = {"status": "skipped", "reason": str(exc)}
            typer.echo(f"skipped: set {name}: {exc}", err=True)
            continue
        except (RelnlpError, FileNotFoundError) as exc:
            if len(names) == 1:
                typer.echo(f"error: {exc}", err=True)
                raise typer.Exit(2) from None
            status[name] = {"status": "failed", "reason": str(exc)}
            typer.echo(f"error: set {name}: {exc}", err=True)
            if debug:
                import traceback

                traceback.print_exc()
            continue
        status[name] = {"status": "ok", "reason": "", "documents": frame.attrs.get("documents", [])}
        frames.append(frame.loc[:, list(sets.COLUMNS)])
    measured = dt.date.today().isoformat()
    card = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(sets.COLUMNS))
    )
    if as_json:
        payload = {
            "relnlp_version": relnlp.__version__,
            "measured": measured,
            "data": str(folder) if folder else None,
            "sets": status,
            "rows": _json.loads(card.to_json(orient="records")),
        }
        typer.echo(_json.dumps(payload, indent=1, ensure_ascii=False))
        return
    from relnlp.evaluate.scorecard import wide

    with pd.option_context("display.max_rows", 1000, "display.width", 220):
        for (name, split), part in card.groupby(["set", "split"], sort=False):
            typer.echo(
                f"\nrelnlp {relnlp.__version__}, set {name}, split {split}, measured {measured}"
            )
            table = wide(part.loc[:, ["system", "task", "metric", "value", "note"]])
            typer.echo(table.to_string(index=False, na_rep="—", float_format=lambda v: f"{v:.3f}"))
    notes = card[
        card["note"].fillna("").str.startswith(("not installed", "no Java", "undefined", "no "))
    ]
    for row in notes.drop_duplicates(["system", "task", "note"]).itertuples():
        typer.echo(f"note: {row.set} / {row.system} / {row.task}: {row.note}")
    if not frames:
        raise typer.Exit(1)


@app.command()
def report(
    path: Annotated[Path, typer.Argument(help="A report file (.txt .md .html .pdf).")],
    html: Annotated[Path, typer.Option("--html", help="Where to write the HTML page.")],
    dyad: Annotated[
        str | None, typer.Option("--dyad", help="Timeline of two actors only, e.g. China,Russia.")
    ] = None,
    freq: Annotated[
        str,
        typer.Option(
            "--freq", help="Timeline period: auto (finest all dates support), D, W, M, Q, Y."
        ),
    ] = "auto",
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Write one self-contained HTML page: highlighted text, actors, events, themes, timeline."""
    import relnlp
    from relnlp import viz
    from relnlp.errors import RelnlpError

    names = [n.strip() for n in dyad.split(",")] if dyad else []
    if dyad is not None and (len(names) != 2 or not all(names)):
        typer.echo(f"error: --dyad takes two names separated by a comma; got {dyad!r}", err=True)
        raise typer.Exit(2)
    try:
        import matplotlib  # noqa: F401  (draws the page's timeline)

        nlp = relnlp.load(model) if model else relnlp.load()
    except ImportError:
        typer.echo("error: relnlp report needs matplotlib: pip install 'relnlp[viz]'", err=True)
        raise typer.Exit(2) from None
    except RelnlpError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        rep = nlp.analyze(relnlp.read(path))
        out = viz.save_report_html(
            rep, html, dyad=(names[0], names[1]) if names else None, freq=freq
        )
    except (RelnlpError, OSError, UnicodeError, ValueError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        typer.echo(f"error: {path}: {type(exc).__name__}: {msg}", err=True)
        if debug:
            import traceback

            traceback.print_exc()
        raise typer.Exit(1) from None
    typer.echo(f"relnlp: wrote {out}", err=True)


taxonomy_app = typer.Typer(help="Show, validate and extend theme taxonomies.", no_args_is_help=True)
themes_app = typer.Typer(
    help="Train theme models on your own labelled passages.", no_args_is_help=True
)
app.add_typer(taxonomy_app, name="taxonomy")
app.add_typer(themes_app, name="themes")


def _taxonomy(path: Path | None) -> Any:
    from relnlp.themes.taxonomy import Taxonomy

    return Taxonomy.load(path) if path is not None else Taxonomy.default()


@taxonomy_app.command("show")
def taxonomy_show(
    file: Annotated[
        Path | None, typer.Argument(help="A taxonomy TOML file (default: packaged).")
    ] = None,
) -> None:
    """Print the themes of a taxonomy (default: the packaged one)."""
    with _usage_errors():
        tax = _taxonomy(file)
    typer.echo(tax.summary())


@taxonomy_app.command("validate")
def taxonomy_validate(file: Annotated[Path, typer.Argument(help="A taxonomy TOML file.")]) -> None:
    """Check a taxonomy file; exit 0 when valid, 2 with the file, theme and field when not."""
    with _usage_errors():
        tax = _taxonomy(file)
    typer.echo(f"ok: {file}: {len(tax)} themes ({', '.join(tax.ids)}), version {tax.version}")


@taxonomy_app.command("suggest")
def taxonomy_suggest(
    corpus: Annotated[Path, typer.Argument(help="A folder of reports (or one report).")],
    theme: Annotated[str, typer.Option("--theme", help="The theme id to find cues for.")],
    taxonomy: TaxonomyOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Candidates per kind.")] = 20,
) -> None:
    """Rank candidate cue terms for a theme from your own corpus, with example contexts."""
    from relnlp.themes.suggest import corpus_passages, suggest_cues

    with _usage_errors():
        tax = _taxonomy(taxonomy)
        if theme not in tax:
            typer.echo(f"error: unknown theme {theme!r}; themes: {', '.join(tax.ids)}", err=True)
            raise typer.Exit(2)
        found = suggest_cues(tax, theme, corpus_passages(corpus), top=top)
    if not found:
        typer.echo(f"no passage of {corpus} scores as {theme!r} yet; add cues or examples first")
        return
    for s in found:
        typer.echo(f"{s.score:9.4f}  {s.kind:11s}  {s.term:30s}  ({s.relevant_count})  {s.example}")


@themes_app.command("train")
def themes_train(
    labels: Annotated[
        Path,
        typer.Argument(
            help='JSONL: {"text": ..., "themes": [...]} per line; optional "group" (the '
            "report: give a report's passages one group, in reading order, as the model "
            'uses the report and the neighbouring passages) and "context" (the heading).'
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Directory for the model.")],
    taxonomy: TaxonomyOpt = None,
) -> None:
    """Train a theme model on labelled passages (plus the taxonomy's examples).

    Use it with ``relnlp.load(themes_model=OUT)``.
    """
    from relnlp.themes.classifier import read_labels, train

    with _usage_errors():
        tax = _taxonomy(taxonomy)
        data = read_labels(labels, tax)  # fails on unknown themes before training
        model = train(data, tax, info={"name": out.name, "labels": str(labels)})
        path = model.save(out)
    typer.echo(
        f"trained on {len(data)} labelled passages (+ taxonomy examples); themes with a "
        f"model: {', '.join(sorted(model.coef)) or 'none'}; saved {path}"
    )


def run() -> None:
    """Entry point for the ``relnlp`` script."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    run()
