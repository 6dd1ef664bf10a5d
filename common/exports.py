"""CSV files that are safe to open in a spreadsheet.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as
a formula, and =HYPERLINK or DDE can send the sheet's contents away. Names, comments and
places are typed by visitors, so every CSV export writes through `SafeWriter`.
"""

import csv

from django.http import StreamingHttpResponse
from django.utils import timezone

# RFC 4180's media type, with its optional parameter saying the first line is the header.
CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The value, with a leading apostrophe if it is text a spreadsheet would run.

    Only text is touched: numbers stay numbers, and "" stays empty.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """A csv.writer whose every cell goes through csv_safe."""

    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([csv_safe(value) for value in row])


class _Line:
    """A file whose write() hands the line back, so csv.writer can feed a generator."""

    def write(self, line):
        return line


def local_time(value):
    """A moment as the wall clock of TIME_ZONE reads it ("2026-03-01 14:05:09"), or "".

    Spreadsheets read this form as a date and time; the zone is named in the file's
    `time_zone` column (a UTC offset in the cell would make it text).
    """
    if value is None:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def streaming_csv(filename, header, rows):
    """A CSV download that starts at once and never holds the whole file in memory.

    `rows` is an iterable of lists (use QuerySet.iterator() for large tables). Every cell goes
    through csv_safe; lines end in CRLF, as RFC 4180 says.
    """
    writer = SafeWriter(_Line())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(
        lines(), content_type="text/csv; charset=utf-8; header=present"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
