"""iCalendar files for events, written with the icalendar package."""

from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from common.urls import absolute_url


def build(events):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Libertas//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Libertas events"))
    host = urlsplit(absolute_url("/")).netloc
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", timezone.now())
        entry.add("last-modified", event.updated_at)
        # In the event's own zone, so a calendar shows the local time people meet at.
        entry.add("dtstart", event.local_start)
        entry.add("dtend", event.local_end)
        entry.add("summary", event.title)
        entry.add("description", event.description)
        entry.add("location", f"{event.place}, {event.city}, {event.get_country_display()}")
        entry.add("url", absolute_url(event.get_absolute_url()))
        cal.add_component(entry)
    cal.add_missing_timezones()
    return cal.to_ical()


def build_hearings(events, name):
    """Hearings as all-day entries, as the public sees them: a LIMITED record's by initials
    and date only (PublicDetainee.event)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Libertas//Hearings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    host = urlsplit(absolute_url("/")).netloc
    for event in events:
        detainee = event.detainee.public_view()
        public = detainee.event(event)
        entry = icalendar.Event()
        entry.add("uid", f"hearing-{event.pk}@{host}")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", event.date)
        entry.add("dtend", event.date + timedelta(days=1))
        entry.add("summary", _("Hearing: %(name)s") % {"name": detainee.public_name})
        description = "\n\n".join(str(text) for text in (public.text, public.outcome) if text)
        if description:
            entry.add("description", description)
        entry.add("url", absolute_url(detainee.get_absolute_url()))
        cal.add_component(entry)
    return cal.to_ical()
