"""Regenerate the ingestion golden files: python tests/make_golden.py (then review the diff)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "ingest" / "golden"
sys.path.insert(0, str(ROOT))


def summary(path: Path) -> dict:
    """What the golden file pins down for one document."""
    from ingest.pipeline import parse_file

    doc = parse_file(path)
    return {
        "title": doc.title, "doc_type": doc.doc_type, "lang": doc.lang, "date": doc.date,
        "valid_from": doc.valid_from,
        "sections": [[s.number, s.heading, s.level] for s in doc.sections],
        "tables": [{"rows": len(t.rows), "header": t.header, "unit": t.unit} for t in doc.tables],
        "passages": len(doc.passages),
    }


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for path in sorted((ROOT / "corpus").glob("*.*")):
        if path.name.lower().startswith("readme"):
            continue
        out = GOLDEN / f"{path.stem}.json"
        out.write_text(json.dumps(summary(path), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(out)


if __name__ == "__main__":
    main()
