"""CSV files that are safe to open in a spreadsheet.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as
a formula, and =HYPERLINK or DDE can send the sheet's contents away. Names, comments and
places are typed by visitors, so every CSV export writes through `SafeWriter`.
"""

import csv

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
