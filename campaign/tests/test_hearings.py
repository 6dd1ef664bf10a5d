"""Hearings and trials: a public calendar page and ICS feeds, a reminder to followers three days
before, an e-mail when staff record the outcome; what the public may see of each person."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from campaign import services
from campaign.models import Follower
from conftest import make_detainee
from prisoners.models import TimelineEvent, Visibility

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def hearing(detainee, days, **fields):
    return TimelineEvent.objects.create(
        detainee=detainee,
        date=today() + datetime.timedelta(days=days),
        kind=TimelineEvent.Kind.HEARING,
        **fields,
    )


def follower(detainee, email="fan@example.org", language="en"):
    return Follower.objects.create(
        detainee=detainee, email=email, language=language, confirmed_at=timezone.now()
    )


def test_the_page_lists_upcoming_hearings_and_past_ones_with_their_outcome(client):
    person = make_detainee()
    hearing(person, 10, text_en="Appeal in the Baku Court of Appeal")
    hearing(person, -20, text_en="First hearing", outcome_en="Adjourned to next month")
    hearing(person, -30, text_en="Preliminary hearing")
    html = client.get("/en/hearings/").content.decode()
    upcoming, past = html.split('id="past"')
    assert "Appeal in the Baku Court of Appeal" in upcoming and "First hearing" not in upcoming
    assert "Adjourned to next month" in past
    assert "Outcome not known yet." in past


def test_a_hidden_person_has_no_hearing_anywhere_and_a_limited_one_no_text(client):
    hidden = make_detainee("hidden-one", name="Hidden Secretname", visibility=Visibility.HIDDEN)
    limited = make_detainee("limited-one", name="Limited Secretname", visibility=Visibility.LIMITED)
    hearing(hidden, 2, text_en="Secret court")
    hearing(limited, 2, text_en="Names the secret place")
    hearing(limited, -2, outcome_en="Secret outcome")
    for url in ("/en/hearings/", "/en/hearings/calendar.ics"):
        body = client.get(url).content.decode()
        assert "Secret" not in body, url
        assert limited.public_name in body, url
    assert client.get("/en/hearings/hidden-one/calendar.ics").status_code == 404


def test_the_calendar_feeds_hold_all_day_hearings(client):
    person = make_detainee()
    other = make_detainee("other", name="Other Person")
    hearing(person, 5)
    hearing(other, 6)
    hearing(person, -5)
    whole = icalendar.Calendar.from_ical(client.get("/fr/hearings/calendar.ics").content)
    events = whole.walk("VEVENT")
    assert len(events) == 2
    assert events[0]["dtstart"].dt == today() + datetime.timedelta(days=5)
    assert "Ani Karapetian" in str(events[0]["summary"])  # the French page, the French name
    own = client.get(f"/en/hearings/{person.slug}/calendar.ics")
    assert own["Content-Type"].startswith("text/calendar")
    assert len(icalendar.Calendar.from_ical(own.content).walk("VEVENT")) == 2


def test_followers_are_reminded_once_three_days_before(client):
    person = make_detainee()
    follower(person, "fr@example.org", "fr")
    follower(person, "en@example.org", "en")
    hearing(person, 3, text_en="Appeal")
    hearing(person, 5)
    assert services.remind_hearings(today()) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["en@example.org", "fr@example.org"]
    english = next(m for m in mail.outbox if m.to == ["en@example.org"])
    assert "hearing on" in english.subject and "Appeal" in english.body
    assert services.remind_hearings(today()) == 0
    assert len(mail.outbox) == 2


def test_no_reminder_names_a_hidden_person_or_shows_a_limited_ones_text():
    hidden = make_detainee("hidden-one", name="Hidden Secretname", visibility=Visibility.HIDDEN)
    limited = make_detainee("limited-one", name="Limited Secretname", visibility=Visibility.LIMITED)
    follower(hidden, "h@example.org")
    follower(limited, "l@example.org")
    hearing(hidden, 1)
    hearing(limited, 1, text_en="Secret court")
    services.remind_hearings(today())
    assert [m.to for m in mail.outbox] == [["l@example.org"]]
    assert "Secret" not in mail.outbox[0].body + mail.outbox[0].subject


def test_followers_hear_once_when_staff_record_the_outcome(django_capture_on_commit_callbacks):
    person = make_detainee()
    follower(person)
    with django_capture_on_commit_callbacks(execute=True):
        event = hearing(person, -1)  # told of as a new event
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.outcome_en = "Sentenced to 15 years"
        event.save()
    assert len(mail.outbox) == 1
    assert "outcome" in mail.outbox[0].subject
    assert "Sentenced to 15 years" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        event.outcome_fr = "Condamné à 15 ans"
        event.save()
    assert len(mail.outbox) == 1


def test_the_page_runs_the_same_queries_for_few_and_many(client, django_assert_max_num_queries):
    def add(n, start):
        for i in range(start, start + n):
            person = make_detainee(f"p{i}", name=f"Person {i}")
            hearing(person, i % 7 - 3, text_en="A hearing", outcome_en="Adjourned")

    add(3, 0)
    with django_assert_max_num_queries(10):
        client.get("/hy/hearings/")
    add(30, 3)
    with django_assert_max_num_queries(10):
        assert client.get("/hy/hearings/").status_code == 200
