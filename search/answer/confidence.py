"""Calibrated confidence: a logistic model over features of the chosen answer, fitted on the
tuning fold (`python bench/calibrate.py`), saved with its feature names and threshold in
`calibration.json` beside this file. The threshold is the lowest that keeps wrong answers at
or under the target rate on the tuning fold (cross-validated)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CALIBRATION = Path(__file__).with_name("calibration.json")

FEATURES = (
    "coverage", "margin", "inv_rank", "dense", "has_dense", "valued", "kind_none", "unknown",
    "lang_mismatch", "value_margin", "constrained", "own", "values", "clause_dense", "dense_top",
    "kind_amount", "kind_percent", "kind_date", "kind_duration", "kind_count", "kind_code",
    "unmet_share", "year_by_context",
)


@dataclass(frozen=True)
class Calibration:
    """Weights of the logistic model, by feature, and the answering threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    means: dict[str, float] | None = None  # features are standardised with these when given
    scales: dict[str, float] | None = None

    def probability(self, features: dict[str, float]) -> float:
        """P(answer is right | features), in [0, 1]."""
        means, scales = self.means or {}, self.scales or {}
        z = self.bias + sum(
            w * (features.get(name, 0.0) - means.get(name, 0.0)) / (scales.get(name) or 1.0)
            for name, w in self.weights.items()
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


REGULARISATION = (0.03, 0.1, 0.3, 1.0, 3.0)  # inverse strengths tried (sklearn's C)

# Before any fit: coverage dominates, each unknown concept and a missing value weigh against.
DEFAULT = Calibration(
    weights={"coverage": 6.0, "valued": 1.5, "unknown": -1.5, "margin": 1.0, "value_margin": 0.5},
    bias=-4.0, threshold=0.5,
)


@lru_cache(maxsize=4)
def load_calibration(path: Path = CALIBRATION) -> Calibration:
    """The fitted calibration, or the default when none was saved."""
    if not path.is_file():
        return DEFAULT
    data = json.loads(path.read_text(encoding="utf-8"))
    return Calibration(weights=dict(data["weights"]), bias=float(data["bias"]), threshold=float(data["threshold"]),
                       means=data.get("means"), scales=data.get("scales"))


def save_calibration(cal: Calibration, path: Path, meta: dict) -> None:
    """Write a fitted calibration (weights, bias, threshold and how it was fitted)."""
    data = {"weights": cal.weights, "bias": cal.bias, "threshold": cal.threshold, "means": cal.means,
            "scales": cal.scales, **meta}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    load_calibration.cache_clear()


def choose_threshold(probs: list[float], right: list[bool], max_wrong: float,
                     groups: list[str] | None = None) -> float:
    """The lowest threshold at which answers kept (probability ≥ t) that are wrong stay at or
    under `max_wrong` of all questions (answers never given count as abstentions) — in every
    group of questions when `groups` names them (each question file, written by other people)."""
    labels = groups or [""] * len(probs)
    sizes = {g: labels.count(g) for g in set(labels)}
    best = 1.0
    for t in sorted(set(probs), reverse=True):
        wrong = dict.fromkeys(sizes, 0)
        for p, r, g in zip(probs, right, labels, strict=True):
            wrong[g] += p >= t and not r
        if all(wrong[g] / sizes[g] <= max_wrong for g in sizes):
            best = t
        else:
            break
    return best


def fit_calibration(rows: list[dict[str, float]], right: list[bool], max_wrong: float = 0.05,
                    folds: int = 5, repeats: int = 5, groups: list[str] | None = None) -> tuple[Calibration, dict]:
    """Logistic regression over FEATURES. Its regularisation is the one of REGULARISATION with
    the lowest cross-validated log loss; the threshold comes from the cross-validated
    probabilities. With `groups` (the question file of each row; three or more), each file is
    held out in turn and the threshold keeps wrong answers under `max_wrong` in every file: the
    confidence then holds on questions written by people the fit never saw. Without, 5 folds
    repeated with 5 shuffles, over all rows."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold, cross_val_predict

    raw = np.array([[r.get(f, 0.0) for f in FEATURES] for r in rows])
    mean, scale = raw.mean(axis=0), raw.std(axis=0)
    scale[scale == 0] = 1.0
    x = (raw - mean) / scale
    y = np.array(right, dtype=int)
    by_group = groups is not None and len(set(groups)) >= 3
    splits = min(folds, int(y.sum()), int(len(y) - y.sum()))

    def cv_probs(c: float) -> np.ndarray:
        model = LogisticRegression(C=c, max_iter=2000)
        if by_group:
            return cross_val_predict(model, x, y, groups=groups, cv=LeaveOneGroupOut(), method="predict_proba")[:, 1]
        runs = [cross_val_predict(model, x, y, method="predict_proba",
                                  cv=StratifiedKFold(n_splits=splits, shuffle=True, random_state=seed))[:, 1]
                for seed in range(repeats)]
        return np.mean(runs, axis=0)

    probs_by_c = {c: cv_probs(c) for c in REGULARISATION}
    best_c = min(REGULARISATION, key=lambda c: log_loss(y, probs_by_c[c]))
    probs = probs_by_c[best_c].tolist()
    threshold = choose_threshold(probs, right, max_wrong, groups if by_group else None)
    model = LogisticRegression(C=best_c, max_iter=2000).fit(x, y)
    cal = Calibration(weights={f: round(float(w), 6) for f, w in zip(FEATURES, model.coef_[0], strict=True)},
                      bias=round(float(model.intercept_[0]), 6), threshold=round(threshold, 6),
                      means={f: round(float(m), 6) for f, m in zip(FEATURES, mean, strict=True)},
                      scales={f: round(float(v), 6) for f, v in zip(FEATURES, scale, strict=True)})
    kept = [p >= threshold for p in probs]
    stats = {"n": len(y), "right": int(y.sum()), "C": best_c, "cv_log_loss": round(float(log_loss(y, probs)), 4),
             "cv": "leave one question file out" if by_group else f"{splits} folds x {repeats}",
             "cv_kept": sum(kept), "cv_wrong": sum(1 for k, r in zip(kept, right, strict=True) if k and not r)}
    return cal, stats
