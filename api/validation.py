"""Checks on user input shared by the CLI and HTTP: one-sentence errors, raised as ValueError."""

from __future__ import annotations

from datetime import date

from extract.models import RECORD_TYPES
from ingest.lexicon import LANG_CODES
from ingest.models import DOC_TYPES
from search.models import Filters


def check_date(value: str | None, name: str) -> str | None:
    """An ISO date (YYYY-MM-DD), or a ValueError naming the option."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, not '{value}'.") from None


def check_filters(doc_type: str | None, lang: str | None, since: str | None, until: str | None) -> Filters:
    """Validated search filters."""
    if doc_type and doc_type not in DOC_TYPES:
        raise ValueError(f"doc_type must be one of {', '.join(DOC_TYPES)}, not '{doc_type}'.")
    if lang and lang not in LANG_CODES:
        raise ValueError(f"lang must be one of {', '.join(LANG_CODES)}, not '{lang}'.")
    since_, until_ = check_date(since, "since"), check_date(until, "until")
    if since_ and until_ and since_ > until_:
        raise ValueError(f"since ({since_}) is after until ({until_}).")
    return Filters(doc_type=doc_type or None, lang=lang or None, since=since_, until=until_)


def check_record_type(type_: str | None) -> None:
    """A known record type or None."""
    if type_ and type_ not in RECORD_TYPES:
        raise ValueError(f"type must be one of {', '.join(RECORD_TYPES)}, not '{type_}'.")
