"""Dates, times and numbers as each language writes them (libertas/formats, locale/packages).

The tables are written here by hand: a reader's expectation, not Django's output copied back.
"""

import datetime

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma, naturalday
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import localize, number_format

from prisoners.models import Category, Detainee, Status

NNBSP = "\u202f"

MONTHS = {
    "en": [
        "Jan. 2, 2023",
        "Feb. 2, 2023",
        "March 2, 2023",
        "April 2, 2023",
        "May 2, 2023",
        "June 2, 2023",
        "July 2, 2023",
        "Aug. 2, 2023",
        "Sept. 2, 2023",
        "Oct. 2, 2023",
        "Nov. 2, 2023",
        "Dec. 2, 2023",
    ],
    "fr": [
        "2 janvier 2023",
        "2 février 2023",
        "2 mars 2023",
        "2 avril 2023",
        "2 mai 2023",
        "2 juin 2023",
        "2 juillet 2023",
        "2 août 2023",
        "2 septembre 2023",
        "2 octobre 2023",
        "2 novembre 2023",
        "2 décembre 2023",
    ],
    # Eastern Armenian: year, "թ.", the month in the genitive, the day.
    "hy": [
        "2023 թ. հունվարի 2",
        "2023 թ. փետրվարի 2",
        "2023 թ. մարտի 2",
        "2023 թ. ապրիլի 2",
        "2023 թ. մայիսի 2",
        "2023 թ. հունիսի 2",
        "2023 թ. հուլիսի 2",
        "2023 թ. օգոստոսի 2",
        "2023 թ. սեպտեմբերի 2",
        "2023 թ. հոկտեմբերի 2",
        "2023 թ. նոյեմբերի 2",
        "2023 թ. դեկտեմբերի 2",
    ],
}

# The first of each month, as pages, e-mails and PDFs print it (common.dates.long_date):
# French writes the first day as an ordinal, "1er", every other day as a number.
FIRSTS = {
    "en": [m.replace(" 2,", " 1,") for m in MONTHS["en"]],
    "fr": [
        "1er janvier 2023",
        "1er février 2023",
        "1er mars 2023",
        "1er avril 2023",
        "1er mai 2023",
        "1er juin 2023",
        "1er juillet 2023",
        "1er août 2023",
        "1er septembre 2023",
        "1er octobre 2023",
        "1er novembre 2023",
        "1er décembre 2023",
    ],
    "hy": [m.removesuffix(" 2") + " 1" for m in MONTHS["hy"]],
}

# The month alone (admin date hierarchy, monthly totals): nominative in Armenian.
YEAR_MONTH = {
    "en": "April 2023",
    "fr": "avril 2023",
    "hy": "2023 թ. ապրիլ",
}

# Every form Django uses for April, the month its Armenian catalogue got wrong.
APRIL = {
    "hy": {"F": "ապրիլ", "E": "ապրիլի", "N": "ապր.", "b": "ապր", "M": "Ապր"},
    "fr": {"F": "avril", "E": "Avril", "N": "avr.", "b": "avr", "M": "Avr"},
}

# 2219 (days held, the share card) and 1234567 as each language groups them.
NUMBERS = {
    "en": {"2219": "2,219", "1234567": "1,234,567", "decimal": "1,234.5"},
    "fr": {
        "2219": f"2{NNBSP}219",
        "1234567": f"1{NNBSP}234{NNBSP}567",
        "decimal": f"1{NNBSP}234,5",
    },
    "hy": {
        "2219": f"2{NNBSP}219",
        "1234567": f"1{NNBSP}234{NNBSP}567",
        "decimal": f"1{NNBSP}234,5",
    },
}

TIMES = {"en": "2 p.m.", "fr": "14:00", "hy": "14:00"}


def render(source, **context):
    return Template(source).render(Context(context))


@pytest.mark.parametrize("language", sorted(MONTHS))
def test_every_month_through_the_date_filter(language):
    with translation.override(language):
        shown = [
            render('{{ day|date:"DATE_FORMAT" }}', day=datetime.date(2023, month, 2))
            for month in range(1, 13)
        ]
    assert shown == MONTHS[language]


@pytest.mark.parametrize("language", sorted(FIRSTS))
def test_every_month_in_long_form_on_the_first_and_the_second(language):
    with translation.override(language):
        for day, table in ((1, FIRSTS), (2, MONTHS)):
            shown = [
                render("{% load common_tags %}{{ day|long_date }}", day=datetime.date(2023, m, day))
                for m in range(1, 13)
            ]
            assert shown == table[language], day


def test_the_first_in_french_with_a_time_and_after_the_tenth():
    moment = timezone.make_aware(datetime.datetime(2023, 4, 1, 14, 0))
    with translation.override("fr"):
        assert render('{% load common_tags %}{{ t|long_date:"DATETIME_FORMAT" }}', t=moment) == (
            "1er avril 2023 à 14:00"
        )
        assert render("{% load common_tags %}{{ d|long_date }}", d=datetime.date(2023, 4, 11)) == (
            "11 avril 2023"
        )
        assert render("{% load common_tags %}{{ d|long_date }}", d=datetime.date(2023, 4, 21)) == (
            "21 avril 2023"
        )


@pytest.mark.parametrize("language", sorted(MONTHS))
def test_the_plain_date_filter_and_naturalday_use_the_same_format(language):
    day = datetime.date(2023, 4, 2)
    with translation.override(language):
        assert render("{{ day|date }}", day=day) == MONTHS[language][3]
        assert naturalday(day) == MONTHS[language][3]


def test_the_27_april_statement_in_armenian():
    with translation.override("hy"):
        assert render("{{ day|date }}", day=datetime.date(2023, 4, 27)) == "2023 թ. ապրիլի 27"


@pytest.mark.parametrize("language", sorted(YEAR_MONTH))
def test_a_month_alone(language):
    with translation.override(language):
        shown = render('{{ day|date:"YEAR_MONTH_FORMAT" }}', day=datetime.date(2023, 4, 2))
    assert shown == YEAR_MONTH[language]


@pytest.mark.parametrize("language", sorted(APRIL))
def test_april_in_every_form(language):
    with translation.override(language):
        for code, expected in APRIL[language].items():
            assert render("{{ day|date:code }}", day=datetime.date(2023, 4, 2), code=code) == (
                expected
            ), code


@pytest.mark.parametrize("language", sorted(TIMES))
def test_times(language):
    with translation.override(language):
        assert render("{{ t|time }}", t=datetime.time(14, 0)) == TIMES[language]


@pytest.mark.parametrize("language", sorted(NUMBERS))
def test_numbers(language):
    table = NUMBERS[language]
    with translation.override(language):
        assert intcomma(2219) == table["2219"]
        assert intcomma(1234567) == table["1234567"]
        assert number_format(1234.5, force_grouping=True) == table["decimal"]
        # localize (and {{ number }} in a template) never groups: a year or an id stays whole.
        assert localize(2023) == "2023"
        assert render("{{ n }}", n=1234567) == "1234567"


def test_armenian_day_count_is_grouped_like_the_share_card():
    started = timezone.localdate() - datetime.timedelta(days=2219)
    detainee = Detainee(category=Category.POW, status=Status.HELD, captured_on=started)
    with translation.override("hy"):
        assert detainee.days_held_label.startswith(f"2{NNBSP}219 ")


DATETIMES = {
    "en": "Nov. 2, 2020, 2 p.m.",
    "fr": "2 novembre 2020 à 14:00",
    "hy": "2020 թ. նոյեմբերի 2, 14:00",
}


@pytest.mark.parametrize("language", sorted(DATETIMES))
def test_a_date_and_time(language):
    moment = datetime.datetime(2020, 11, 2, 14, 0)
    with translation.override(language):
        assert render('{{ t|date:"DATETIME_FORMAT" }}', t=moment) == DATETIMES[language]
