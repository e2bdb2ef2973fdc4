"""The one home of text handling, used by every stage: folding, sentences and paragraphs,
Belgian numbers and dates.

TEXT_VERSION changes whenever any of these changes behaviour; the pipeline and the search
analyser carry it in their own versions, so a store built with another one is rebuilt.
"""

from ingest.text.dates import find_dates, find_months, find_years, iso, month_number, parse_date
from ingest.text.fold import fold, squash
from ingest.text.numbers import NUMBER, clean, format_belgian, in_word, parse_number
from ingest.text.sentences import paragraphs, sentences

TEXT_VERSION = "1"

__all__ = [
    "NUMBER", "TEXT_VERSION", "clean", "find_dates", "find_months", "find_years", "fold", "format_belgian", "in_word", "iso",
    "month_number", "paragraphs", "parse_date", "parse_number", "sentences", "squash",
]
