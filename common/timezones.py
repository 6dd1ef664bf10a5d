"""Time zones as people know them: by a city's name in their language, never by an IANA id.

Staff pick an event's zone from the cities where the campaign and the diaspora hold events
(Europe, Armenia and its neighbours, the Middle East, the Americas, Oceania), each named in
our own catalogue, so every name is reviewed in French and Armenian like any other text.
A zone outside that list (an event saved before it) is named by the Unicode CLDR through
Babel, or by the last part of its id when the CLDR has no name for it in the language.
"""

import functools

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from django.conf import settings
from django.utils.translation import get_language, override, pgettext_lazy, to_locale

# The zones offered, by the city that names each (one per zone: Montreal keeps Toronto's).
CITIES = {
    "Europe/Paris": pgettext_lazy("city", "Paris"),
    "Europe/Brussels": pgettext_lazy("city", "Brussels"),
    "Europe/Zurich": pgettext_lazy("city", "Zurich"),
    "Europe/Luxembourg": pgettext_lazy("city", "Luxembourg"),
    "Europe/Monaco": pgettext_lazy("city", "Monaco"),
    "Europe/London": pgettext_lazy("city", "London"),
    "Europe/Dublin": pgettext_lazy("city", "Dublin"),
    "Europe/Amsterdam": pgettext_lazy("city", "Amsterdam"),
    "Europe/Berlin": pgettext_lazy("city", "Berlin"),
    "Europe/Vienna": pgettext_lazy("city", "Vienna"),
    "Europe/Rome": pgettext_lazy("city", "Rome"),
    "Europe/Madrid": pgettext_lazy("city", "Madrid"),
    "Europe/Lisbon": pgettext_lazy("city", "Lisbon"),
    "Europe/Copenhagen": pgettext_lazy("city", "Copenhagen"),
    "Europe/Stockholm": pgettext_lazy("city", "Stockholm"),
    "Europe/Oslo": pgettext_lazy("city", "Oslo"),
    "Europe/Helsinki": pgettext_lazy("city", "Helsinki"),
    "Europe/Warsaw": pgettext_lazy("city", "Warsaw"),
    "Europe/Prague": pgettext_lazy("city", "Prague"),
    "Europe/Athens": pgettext_lazy("city", "Athens"),
    "Europe/Sofia": pgettext_lazy("city", "Sofia"),
    "Europe/Bucharest": pgettext_lazy("city", "Bucharest"),
    "Europe/Kyiv": pgettext_lazy("city", "Kyiv"),
    "Europe/Moscow": pgettext_lazy("city", "Moscow"),
    "Europe/Istanbul": pgettext_lazy("city", "Istanbul"),
    "Asia/Nicosia": pgettext_lazy("city", "Nicosia"),
    "Asia/Yerevan": pgettext_lazy("city", "Yerevan"),
    "Asia/Tbilisi": pgettext_lazy("city", "Tbilisi"),
    "Asia/Tehran": pgettext_lazy("city", "Tehran"),
    "Asia/Beirut": pgettext_lazy("city", "Beirut"),
    "Asia/Jerusalem": pgettext_lazy("city", "Jerusalem"),
    "Asia/Dubai": pgettext_lazy("city", "Dubai"),
    "Africa/Cairo": pgettext_lazy("city", "Cairo"),
    "America/Toronto": pgettext_lazy("city", "Toronto"),
    "America/Vancouver": pgettext_lazy("city", "Vancouver"),
    "America/New_York": pgettext_lazy("city", "New York"),
    "America/Chicago": pgettext_lazy("city", "Chicago"),
    "America/Denver": pgettext_lazy("city", "Denver"),
    "America/Los_Angeles": pgettext_lazy("city", "Los Angeles"),
    "America/Mexico_City": pgettext_lazy("city", "Mexico City"),
    "America/Sao_Paulo": pgettext_lazy("city", "São Paulo"),
    "America/Argentina/Buenos_Aires": pgettext_lazy("city", "Buenos Aires"),
    "America/Montevideo": pgettext_lazy("city", "Montevideo"),
    "Australia/Sydney": pgettext_lazy("city", "Sydney"),
    "Australia/Melbourne": pgettext_lazy("city", "Melbourne"),
    "Pacific/Auckland": pgettext_lazy("city", "Auckland"),
}


def _locale(language):
    try:
        return Locale.parse(to_locale(language or get_language() or settings.LANGUAGE_CODE))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(to_locale(settings.LANGUAGE_CODE))


def city_name(zone, language=None):
    """The city that names `zone` ("Asia/Yerevan" → "Yerevan"), in `language` or the active one."""
    zone = str(zone)
    if zone in CITIES:
        with override(language or get_language()):
            return str(CITIES[zone])
    return _city_name(zone, str(_locale(language)))


@functools.cache
def _city_name(zone, locale):
    try:
        # Without a name in the CLDR, Babel makes one from the id ("Argentina/Cordoba").
        return get_timezone_location(zone, locale=locale, return_city=True).rsplit("/", 1)[-1]
    except LookupError:
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def zone_choices(language=None, keep=None):
    """(id, city) for every zone offered, sorted by the city's name in `language`.

    `keep` is a value to offer even if it is not in the list (a record saved earlier).
    """
    zones = set(CITIES)
    if keep:
        zones.add(keep)
    choices = [(zone, city_name(zone, language)) for zone in zones]
    return sorted(choices, key=lambda choice: (choice[1].casefold(), choice[0]))
