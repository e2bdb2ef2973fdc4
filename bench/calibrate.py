"""Fit the answer confidence on the tuning fold and save it (search/answer/calibration.json).

    kb ingest corpus/ gold/documents/ --data DIR
    python bench/calibrate.py --data DIR gold/questions.tune.jsonl gold/questions.calib.jsonl

Every question is answered with the threshold at 0 (so every decision shows its features); a
question counts as right as `kb eval` counts it (unanswerable ones are never right). A logistic
model over the features is fitted; the threshold is the lowest at which the cross-validated
wrong answers stay at or under --max-wrong of the decisions (by default the 5 % target less one
standard error of that rate over the tuning questions: the margin for estimating it on them).
With three or more question files, each file is held out in turn (its questions were written by
other people than the others') and the threshold must keep each held-out file at or under the
target itself (a worst case over files needs no further margin).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.service import KnowledgeBase  # noqa: E402
from api.settings import load_settings  # noqa: E402
from search.answer import Answerer  # noqa: E402
from search.answer.confidence import CALIBRATION, fit_calibration, save_calibration  # noqa: E402
from search.evaluate import correct, load_questions  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("questions", type=Path, nargs="+")
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--target", type=float, default=0.05, help="wrong answers allowed (of the decisions)")
    ap.add_argument("--max-wrong", type=float, default=None,
                    help="wrong answers allowed on the tuning questions; default: the target in every held-out "
                         "file with three or more files, else the target less one standard error of a rate "
                         "at the target over this many decisions (0.039 at 380)")
    ap.add_argument("--out", type=Path, default=CALIBRATION)
    args = ap.parse_args()
    kb = KnowledgeBase(load_settings(args.data))
    retriever = kb.retriever()
    raw = Answerer(retriever, replace(kb.answer_params, min_confidence=0.0))
    rows, right, groups = [], [], []
    for path in args.questions:
        for q in load_questions(path):
            answer = raw.ask(q["question"])
            if answer.features is None:  # no decision: null whatever the threshold
                continue
            rows.append(answer.features)
            right.append(correct(q, answer))
            groups.append(path.name)
    max_wrong = args.max_wrong
    if max_wrong is None and len(set(groups)) >= 3:  # held in every file held out: the target itself
        max_wrong = args.target
    if max_wrong is None:
        max_wrong = round(args.target - math.sqrt(args.target * (1 - args.target) / max(len(rows), 1)), 4)
    cal, stats = fit_calibration(rows, right, max_wrong, groups=groups)
    meta = {"fitted_on": [p.name for p in args.questions], "max_wrong": max_wrong,
            "embedding_model": kb.settings.embedding_model, **stats}
    save_calibration(cal, args.out, meta)
    print(f"{stats['n']} decisions, {stats['right']} right; threshold {cal.threshold:.3f} keeps "
          f"{stats['cv_kept']} (cross-validated), {stats['cv_wrong']} wrong")
    for name, w in sorted(cal.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<14}{w:+.3f}")


if __name__ == "__main__":
    main()
