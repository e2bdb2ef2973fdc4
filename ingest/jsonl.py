"""JSON-lines files (gold and question sets) read with errors that name the bad line."""

from __future__ import annotations

import json
from pathlib import Path


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Objects of a JSON-lines file; a ValueError names a line that is not JSON or lacks a field."""
    out = []
    for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {i} is not valid JSON ({exc.msg}).") from exc
        missing = [f for f in required if f not in item]
        if missing:
            raise ValueError(f"{path}: line {i} has no field {', '.join(missing)}.")
        out.append(item)
    return out
