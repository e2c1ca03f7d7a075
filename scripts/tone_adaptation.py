"""Domain-adaptation experiments for the sentence tone model (fourth session, issue 15).

Usage (from the repository root, needs ``../shared/dev`` and the input cache written by
``scripts/train_tone.py``)::

    python scripts/tone_adaptation.py '[["base", {}], ["easyadapt", {"easyadapt": true}]]'

Each configuration is the shipped system (logistic regression C=3 averaged with a
complement naive Bayes model, words + rules + dependency terms + verb classes, the splits
of ``train_tone.py``) with one change, and prints its AUC (cooperation vs conflict) on
the inner validation split of the pooled training parts (``val``: the figure to choose
by), on each held-out part (``un``, ``news``: fitted on both training parts) and across
corpora (``u2n``, ``n2u``: fitted on all of one file, tested on all of the other).
Options:

* ``easyadapt``: Daume III (2007) feature augmentation (general + per-file copies of
  every feature when fitting on both files; the general copy only at test time); not
  applicable to the one-file cross-corpus fits;
* ``dfmask``: ``["ratio", t]`` drops terms whose document frequency in the two files'
  texts differs by more than ``exp(t)`` (``dfmask_words_only``: keep ``@`` syntax
  terms); ``["both", [a, b]]`` keeps terms in at least a fraction a / b of each file's
  texts. The frequencies come from unlabelled texts: the training parts (validation:
  the inner training split; cross-corpus: all texts of both files, labels unused);
* ``drop_prefix``: drop the vocabulary's terms with these prefixes (``["#"]``: the
  character n-grams);
* ``sgd`` (alpha) / ``svm`` (C): a modified-Huber SGD classifier or a sigmoid-calibrated
  linear SVM added to the average with weight ``ew`` (1/3);
* ``events`` (sixth session): families of the extracted events' terms added to the
  syntax terms (``scripts/tone_adaptation_events.py`` ``FAMILIES``: ``q`` quad class,
  ``status`` negated / intent, ``dyad`` one or two sides, ``g`` Goldstein step, ``a``
  actor kinds, ``none``); ``C``: the regression's C; ``char``: the character n-gram
  range (default [3, 5]); ``stages``: the figures to compute (``["val"]`` to choose);
* seventh session: ``dense`` (``mean`` / ``max`` / ``both``): the sentence's pooled
  tok2vec rows (spaCy's ``Doc.tensor``, 96-d) as dense features of the regression, times
  ``dense_scale``; ``keep_prefix``: keep only the vocabulary's terms with these prefixes
  (``["@"]``: the syntax, verb-class and event terms, no words or character n-grams);
  ``at_scale``: the ``@`` terms' idf times this factor (before the l2 norm), so the
  register-independent terms weigh more against words and character n-grams;
  ``balance_files``: sample weights giving each file the same total weight in the
  regression fitted on both (the UN file has 4.4 times the news file's sentences);
* ninth session: ``prune`` (k folds): label-noise-robust training by confident learning
  (Northcutt et al. 2021): out-of-fold probabilities of the shipped regression + naive
  Bayes average on the training rows (k-fold, stratified), per-class thresholds (the mean
  probability of a class over the rows labelled with it), and the rows whose confident
  label (the most probable class among those above their threshold) is not their own are
  dropped before the fit; ``prune_max``: drop at most this share of the rows (the least
  probable first);
* ninth session: ``per_file`` (weight v): the same regression + naive Bayes pair also
  fitted on each file's training rows alone, their mean averaged with the pooled
  model's probabilities at weight v (an ensemble per coding convention; the same as the
  pooled model when one file is fitted, so the cross-corpus figures do not move);
* ninth session: ``stack`` (k folds): a second-level multinomial regression (C
  ``stack_C``) over the out-of-fold probabilities of the regression and of naive Bayes
  and the rule features replaces their fixed average (``tone_common.stacked_fit``).

The inputs come from the cache of ``scripts/tone_event_inputs.py`` (one pipeline pass per
text, with its events).
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, "scripts")
import tone_adaptation_events as EV
import tone_common as TC
import tone_event_inputs as E
import train_tone as T
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import ComplementNB

from relnlp.evaluate.tone_sets import metrics
from relnlp.tone.model import CLASSES, COOPERATION, TENSION, analyzer

NR = 6
data = {}
for name, fname in T.FILES.items():
    texts, labels, rows = T.read_tsv(Path("../shared/dev/tone") / fname)
    tr, te = T.split(labels)
    # sixth session: inputs and extracted events from one pipeline pass
    # (scripts/tone_event_inputs.py); the events give the ``events`` option's terms
    ev = E.cached(texts)
    masked, feats = ev["masked"], np.asarray(ev["feats"], dtype=float)
    data[name] = dict(
        masked=masked,
        feats=feats[:, :NR],
        rules=feats[:, :NR],
        dense=np.asarray(ev["dense"], dtype=float),
        y=labels,
        train=tr,
        test=te,
        events=ev["events"],
    )


def use_dense(mode, scale=1.0):
    """Seventh session: the pooled tok2vec rows (``mean``, ``max`` or ``both``) appended
    to the rule features (the naive Bayes model does not read them: they can be < 0)."""
    cols = {None: slice(0, 0), "mean": slice(0, 96), "max": slice(96, 192), "both": slice(0, 192)}
    for d in data.values():
        d["feats"] = np.hstack([d["rules"], d["dense"][:, cols[mode]] * scale])
    return cols[mode].stop - cols[mode].start


def use_events(families):
    for d in data.values():
        d.setdefault("plain", d["masked"])
        d["masked"] = EV.with_events(d["plain"], d["events"], families) if families else d["plain"]


def part(name, which):
    d = data[name]
    idx = d[which] if which != "all" else list(range(len(d["y"])))
    return (
        [d["masked"][i] for i in idx],
        d["feats"][idx],
        [d["y"][i] for i in idx],
        [name] * len(idx),
    )


def cat(*ps):
    return (
        sum((p[0] for p in ps), []),
        np.vstack([p[1] for p in ps]),
        sum((p[2] for p in ps), []),
        sum((p[3] for p in ps), []),
    )


def tok_doc_sets(masked):
    return [set(analyzer(m)) for m in masked]


def run(cfg, trn, tst, dftexts=None):
    """cfg: dict(kind options). trn/tst: (masked, feats, y, dom). returns metrics."""
    m, f, y, dom = trn
    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=2, max_features=40000)
    X = vec.fit_transform(m)
    if cfg.get("at_scale"):  # seventh session: the "@" terms weigh more (idf times a)
        names = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        at = np.array([t.startswith("@") for t in names])
        vec.idf_ = np.where(at, vec.idf_ * cfg["at_scale"], vec.idf_)
        X = vec.transform(m)
    keep = None
    if cfg.get("drop_prefix"):
        names = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        keep = np.array([not t.startswith(tuple(cfg["drop_prefix"])) for t in names])
        X = X[:, np.where(keep)[0]]
    if cfg.get("keep_prefix"):  # seventh session: register-independent term sets
        names = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        keep = np.array([t.startswith(tuple(cfg["keep_prefix"])) for t in names])
        X = X[:, np.where(keep)[0]]
    if cfg.get("dfmask") is not None and dftexts is not None:
        # register filter from unlabeled texts of the two files
        vocab = vec.vocabulary_
        cnt = {}
        for reg, texts in dftexts.items():
            c = np.zeros(len(vocab))
            for s in tok_doc_sets(texts):
                for t in s:
                    j = vocab.get(t)
                    if j is not None:
                        c[j] += 1
            cnt[reg] = c / len(texts)
        a, b = cnt["un"], cnt["news"]
        mode, th = cfg["dfmask"]
        if mode == "ratio":
            eps = 1.0 / 2000
            lr_ = np.abs(np.log((a + eps) / (b + eps)))
            keep = lr_ <= th
            if cfg.get("dfmask_words_only"):
                names = np.array(sorted(vocab, key=vocab.get))
                keep |= np.char.startswith(names.astype(str), "@")
        elif mode == "both":
            keep = (a * 1 >= th[0]) & (b >= th[1])
        X = X[:, np.where(keep)[0]]
    R = sparse.csr_matrix(f)
    XX = sparse.hstack([X, R]).tocsr()
    yy = np.array([CLASSES.index(c) for c in y])
    d = np.array(dom)
    if cfg.get("prune"):
        kept = TC.confident_rows(XX, yy, cfg, T.SEED)
        XX, yy, d = XX[kept], yy[kept], d[kept]
    if cfg.get("easyadapt"):
        blocks = [XX]
        for reg in ("un", "news"):
            D = sparse.diags((d == reg).astype(float))
            blocks.append(D @ XX)
        XA = sparse.hstack(blocks).tocsr()
        lr = LogisticRegression(C=cfg.get("C", 3.0), max_iter=3000, class_weight="balanced").fit(
            XA, yy
        )
        ncol = XX.shape[1]
        coef, icpt = lr.coef_[:, :ncol], lr.intercept_
    else:
        sw = None
        regs, counts = np.unique(d, return_counts=True)
        if cfg.get("balance_files") and len(regs) == 2:  # seventh session: same total weight
            per = dict(zip(regs.tolist(), (len(d) / (2.0 * counts)).tolist()))
            sw = np.array([per[reg] for reg in d.tolist()])
        lr = LogisticRegression(C=cfg.get("C", 3.0), max_iter=3000, class_weight="balanced").fit(
            XX, yy, sample_weight=sw
        )
        coef, icpt = lr.coef_, lr.intercept_
    nd = cfg.get("n_dense", 0)
    sparse_cols = slice(0, XX.shape[1] - nd)
    nb = ComplementNB(alpha=cfg.get("alpha", 0.1)).fit(XX[:, sparse_cols], yy)
    extra = None
    if cfg.get("sgd"):
        extra = SGDClassifier(
            loss="modified_huber",
            alpha=cfg["sgd"],
            class_weight="balanced",
            max_iter=50,
            random_state=0,
        ).fit(XX, yy)
    if cfg.get("svm"):
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        extra = CalibratedClassifierCV(LinearSVC(C=cfg["svm"], class_weight="balanced"), cv=3).fit(
            XX, yy
        )
    # test
    tm, tf, ty, _ = tst
    Xt = vec.transform(tm)
    if keep is not None:
        Xt = Xt[:, np.where(keep)[0]]
    Xt = sparse.hstack([Xt, sparse.csr_matrix(tf)]).tocsr()
    z = Xt @ coef.T + icpt
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(1, keepdims=True)
    w = cfg.get("nbw", 0.5)
    q = nb.predict_proba(Xt[:, sparse_cols])
    parts = [(1 - w, p), (w, q)]
    if extra is not None:
        e = extra.predict_proba(Xt)
        ew = cfg.get("ew", 1 / 3)
        parts = [((1 - w) * (1 - ew), p), (w * (1 - ew), q), (ew, e)]
    P = np.zeros_like(p)
    for wt, pp in parts:
        P[:, lr.classes_] += wt * pp if pp.shape[1] == len(lr.classes_) else 0
    if cfg.get("stack"):  # the rule features of the training rows (not with ``prune``)
        top = TC.stacked_fit(XX, yy, np.asarray(f[:, :NR], dtype=float), cfg, T.SEED)
        P = top(Xt, np.asarray(tf[:, :NR], dtype=float))
    regs = np.unique(d)
    if cfg.get("per_file") and len(regs) > 1:
        own = [TC.average_fit(XX[d == reg], yy[d == reg], cfg)(Xt) for reg in regs]
        P = (1 - cfg["per_file"]) * P + cfg["per_file"] * np.mean(own, axis=0)
    coop = P[:, [CLASSES.index(c) for c in COOPERATION]].sum(1)
    ten = P[:, [CLASSES.index(c) for c in TENSION]].sum(1)
    pred = [CLASSES[i] for i in P.argmax(1)]
    return metrics(ty, (coop - ten).tolist(), pred)


def evaluate(cfg, label, stages=("val", "un", "news", "u2n", "n2u")):
    t0 = time.time()
    a, b = part("un", "train"), part("news", "train")
    trn = cat(a, b)
    out = {}
    alltexts = {"un": data["un"]["masked"], "news": data["news"]["masked"]}
    trtexts = {"un": a[0], "news": b[0]}
    if "val" in stages:
        strata = [f"{k}:{c}" for k, c in zip(trn[3], trn[2])]
        itr, iva = train_test_split(
            np.arange(len(trn[2])), test_size=0.2, random_state=T.SEED, stratify=strata
        )

        def sub(idx):
            return (
                [trn[0][i] for i in idx],
                trn[1][idx],
                [trn[2][i] for i in idx],
                [trn[3][i] for i in idx],
            )

        ti = sub(itr)
        dft = {r: [m for m, dd in zip(ti[0], ti[3]) if dd == r] for r in ("un", "news")}
        out["val"] = run(cfg, ti, sub(iva), dft)["auc"]
    if "un" in stages or "news" in stages:
        for nm in ("un", "news"):
            out[nm] = run(cfg, trn, part(nm, "test"), trtexts)["auc"]
    if "u2n" in stages:
        c2 = dict(cfg)
        c2.pop("easyadapt", None)
        out["u2n"] = run(c2, part("un", "all"), part("news", "all"), alltexts)["auc"]
        out["n2u"] = run(c2, part("news", "all"), part("un", "all"), alltexts)["auc"]
    print(
        f"{label:45s} "
        + " ".join(f"{k}={v:.4f}" for k, v in out.items())
        + f"  ({time.time() - t0:.0f}s)",
        flush=True,
    )
    return out


if __name__ == "__main__":
    cfgs = json.loads(sys.argv[1])
    for label, cfg in cfgs:
        use_events(cfg.pop("events", None))
        cfg["n_dense"] = use_dense(cfg.pop("dense", None), cfg.pop("dense_scale", 1.0))
        if cfg.get("char"):
            import relnlp.tone.model as _tm

            _tm.CHAR_NGRAMS = tuple(cfg.pop("char"))
        evaluate(cfg, label, tuple(cfg.pop("stages", ("val", "un", "news", "u2n", "n2u"))))
