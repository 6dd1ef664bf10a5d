"""Dates in long form ("1er avril 2023", "2023 թ. ապրիլի 1"), as each language writes them.

Django's format modules (libertas/formats) give each language's order and month names, but a
format string cannot say that French writes the first day of a month as an ordinal, "1er"
(and every other day as a plain number). long_date() is the one place that knows it: pages,
e-mails and PDFs print long dates through it (the `long_date` filter of common_tags).
"""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import get_format
from django.utils.translation import get_language

# The first day of the month, where a language writes it otherwise than as the number 1: a
# format's "j" (the day) becomes this, a literal (escaped for the format's syntax).
FIRST_DAY = {"fr": r"\1\e\r"}


def long_date(value, format_name="DATE_FORMAT"):
    """`value` (a date or datetime) in the active language's DATE_FORMAT or DATETIME_FORMAT."""
    if isinstance(value, str):  # a record given a date as text and not read back
        value = parse_datetime(value) or parse_date(value)
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    fmt = get_format(format_name)
    first = FIRST_DAY.get((get_language() or "").split("-")[0])
    if first and value.day == 1:
        fmt = fmt.replace("j", first)
    return format_date(value, fmt)
