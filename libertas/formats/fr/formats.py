"""French: Django's own module (2 novembre 2020, 14:00) with the thousands grouped by a narrow
no-break space, as French typography does and as donations.money writes amounts, so a figure
reads the same on a page, a share card and a receipt."""

THOUSAND_SEPARATOR = "\u202f"  # narrow no-break space: 2 219
DECIMAL_SEPARATOR = ","
NUMBER_GROUPING = 3

DATETIME_FORMAT = "j F Y à H:i"  # 2 novembre 2020 à 14:00
