"""Time zones as people know them: by a city's name in their language, never by an IANA id.

The names come from the Unicode CLDR through Babel ("Erevan" in French, "Երևան" in
Armenian), so every zone has its translation without a catalogue entry of ours.
"""

import functools
import zoneinfo

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import get_timezone_location
from django.conf import settings
from django.utils.translation import get_language, to_locale

# Zones named after a city; "Etc/GMT+4", "US/Eastern" and the like are aliases nobody picks.
CITY_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


def _locale(language):
    try:
        return Locale.parse(to_locale(language or get_language() or settings.LANGUAGE_CODE))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(to_locale(settings.LANGUAGE_CODE))


def city_name(zone, language=None):
    """The city that names `zone` ("Asia/Yerevan" → "Yerevan"), in `language` or the active one."""
    return _city_name(str(zone), str(_locale(language)))


@functools.cache
def _city_name(zone, locale):
    try:
        return get_timezone_location(zone, locale=locale, return_city=True)
    except LookupError:
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def zone_choices(language=None, keep=None):
    """(id, city) for every city zone, sorted by the city's name in `language`.

    `keep` is a value to offer even if it is not a city zone (a record saved earlier).
    """
    aliases = get_global("zone_aliases")  # "Asia/Calcutta" → "Asia/Kolkata": one city, once
    zones = {
        zone
        for zone in zoneinfo.available_timezones()
        if zone.split("/", 1)[0] in CITY_AREAS and zone not in aliases
    }
    if keep:
        zones.add(keep)
    choices = [(zone, city_name(zone, language)) for zone in zones]
    return sorted(choices, key=lambda choice: (choice[1].casefold(), choice[0]))
