"""Eastern Armenian: "2020 թ. նոյեմբերի 2", 24-hour times, "2 219".

In a date the month is in the genitive ("նոյեմբերի"), which Django formats with "E" (the
"alt. month" names); alone ("2020 թ. նոյեմբեր") it is in the nominative ("F"). Both lists are
in locale/packages/hy, which replaces Django's catalogue (it had April as "Մարտ").
"""

DATE_FORMAT = "Y թ. E j"  # 2020 թ. նոյեմբերի 2
TIME_FORMAT = "H:i"  # 14:00
DATETIME_FORMAT = "Y թ. E j, H:i"  # 2020 թ. նոյեմբերի 2, 14:00
YEAR_MONTH_FORMAT = "Y թ. F"  # 2020 թ. նոյեմբեր
MONTH_DAY_FORMAT = "E j"  # նոյեմբերի 2
SHORT_DATE_FORMAT = "d.m.Y"  # 02.11.2020
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# strftime syntax. The first is what a date field shows: ISO, which every reader parses and
# the admin's calendar writes; the Armenian 02.11.2020 is accepted too.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"  # narrow no-break space, as donations.money groups amounts
NUMBER_GROUPING = 3
