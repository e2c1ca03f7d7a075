#!/usr/bin/env python3
"""Write src/relnlp/data/derived/gazetteer_tokens.json: the token texts of every packaged
gazetteer surface, as relnlp's tokenizer splits them (see relnlp.pipeline._phrases).

Run after changing a packaged gazetteer file, relnlp's tokenizer rules, spaCy or the
model (tests/pipeline/test_phrases.py fails until then; analysis results never depend on
it, only the load time does), then scripts/update_manifest.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from relnlp.about import DEFAULT_MODEL
from relnlp.gazetteer import load_gazetteer, quote_variants
from relnlp.lang import customize_tokenizer
from relnlp.pipeline._phrases import TOKENS_FILE, tokenizer_key

DATA = Path(__file__).resolve().parent.parent / "src" / "relnlp" / "data"


def packaged_surfaces() -> list[str]:
    """The surfaces the actor tagger matches from the packaged gazetteer (ActorTagger)."""
    g = load_gazetteer()
    return [v for s in g.surfaces if s not in g.ambiguous for v in quote_variants(s)]


def main() -> None:
    nlp = customize_tokenizer(
        spacy.load(
            DEFAULT_MODEL,
            exclude=[
                "tok2vec",
                "tagger",
                "parser",
                "ner",
                "senter",
                "attribute_ruler",
                "lemmatizer",
            ],
        )
    )
    key = tokenizer_key(nlp)
    if key is None:
        raise SystemExit("the tokenizer cannot be described; nothing written")
    surfaces = sorted(set(packaged_surfaces()))
    tokens = {sf: [t.text for t in nlp.make_doc(sf)] for sf in surfaces}
    out = DATA / TOKENS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"tokenizer_key": key, "model": DEFAULT_MODEL, "tokens": tokens},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        + "\n",
        "utf-8",
    )
    meta = {
        "version": "1",
        "licence": "CC0-1.0",
        "source": "derived from gazetteer/*.jsonl by scripts/build_gazetteer_tokens.py "
        "(token texts of each surface under relnlp's tokenizer)",
    }
    out.with_name(out.name + ".meta.json").write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    print(f"{len(tokens)} surfaces written to {out}")


if __name__ == "__main__":
    main()
