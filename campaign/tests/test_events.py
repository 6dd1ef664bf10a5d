import datetime

import icalendar
from django.utils import timezone

from campaign.tests.conftest import make_event


def test_events_page_separates_upcoming_and_past(client, db, django_assert_max_num_queries):
    make_event("soon", days=5, title="Soon event")
    make_event("gone", days=-5, title="Gone event")
    make_event("draft", days=5, title="Draft event", published=False)
    with django_assert_max_num_queries(10):
        html = client.get("/en/events/").content.decode()
    assert html.index("Soon event") < html.index("Past events") < html.index("Gone event")
    assert "Draft event" not in html


def test_event_times_are_shown_in_the_events_time_zone(client, db):
    starts = datetime.datetime(2030, 5, 1, 10, 0, tzinfo=datetime.UTC)
    make_event(
        "tz",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        time_zone="Asia/Yerevan",
    )
    html = client.get("/en/events/tz/").content.decode()
    assert "2 p.m." in html  # 10:00 UTC is 14:00 in Yerevan
    assert "time zone: Yerevan" in html
    assert "Asia/Yerevan" not in html
    assert 'property="og:title" content="Event tz"' in html


def test_event_ics_file_parses_with_the_events_zone(client, db):
    event = make_event("ics", title="Rally")
    response = client.get("/en/events/ics/event.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Rally"
    assert entry.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert str(entry["dtstart"].params["TZID"]) == "Asia/Yerevan"
    assert entry.decoded("dtend") == event.ends_at.replace(microsecond=0)
    assert "Yerevan" in str(entry["location"])
    assert str(entry["url"]).endswith("/en/events/ics/")
    assert calendar.walk("VTIMEZONE")


def test_calendar_feed_lists_upcoming_events_only(client, db, django_assert_max_num_queries):
    make_event("a", days=3, title="First")
    make_event("b", days=9, title="Second")
    make_event("old", days=-3, title="Old")
    with django_assert_max_num_queries(10):
        response = client.get("/fr/events/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert titles == ["First", "Second"]
    assert all(e.decoded("dtstart") > timezone.now() for e in calendar.walk("VEVENT"))


def test_an_event_may_not_end_before_it_starts(db):
    import pytest
    from django.core.exceptions import ValidationError

    event = make_event("bad")
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    event.time_zone = "Mars/Olympus"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert {"ends_at", "time_zone"} <= set(error.value.message_dict)
