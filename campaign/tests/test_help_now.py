"""Who you can help now: people without a sponsor (held longest first), hearings and birthdays
in the next 30 days, the longest without news; each with the one action that helps, and nobody
the public may not see."""

import datetime

import pytest
from django.utils import timezone

from conftest import make_detainee, make_sponsor, make_sponsorship
from prisoners.models import Status, TimelineEvent, Visibility, next_birthday
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db
URL = "/en/help-now/"


def section(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_people_without_a_sponsor_come_held_longest_first_with_a_link_to_sponsor_them(client):
    newer = make_detainee("newer", name="Newer Person", captured_on=datetime.date(2024, 1, 1))
    older = make_detainee("older", name="Older Person", captured_on=datetime.date(2020, 11, 1))
    sponsored = make_detainee("sponsored", name="Sponsored Person")
    make_sponsorship(make_sponsor(), sponsored)
    make_sponsorship(make_sponsor("Whole Group City"), None)  # the whole group's counts for none
    make_sponsorship(make_sponsor("Pending City"), newer, status=Sponsorship.Status.PENDING)
    make_detainee("freed", name="Freed Person", status=Status.RELEASED)
    waiting = section(client.get(URL).content.decode(), "waiting")
    assert waiting.index("Older Person") < waiting.index("Newer Person")
    assert "Sponsored Person" not in waiting and "Freed Person" not in waiting
    assert f"?target={older.pk}" in waiting


def test_hearings_of_the_next_30_days_only(client):
    today = timezone.localdate()
    person = make_detainee()
    for days, text in [(-1, "past"), (3, "soon"), (31, "later")]:
        TimelineEvent.objects.create(
            detainee=person, date=today + datetime.timedelta(days=days), kind="HEARING", text=text
        )
    hearings = section(client.get(URL).content.decode(), "hearings")
    assert hearings.count("<time") == 1
    assert (today + datetime.timedelta(days=3)).isoformat() in hearings
    assert f"/en/follow/{person.slug}/" in hearings


def test_birthdays_in_the_next_30_days_lead_to_a_message(client):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=5)
    make_detainee("soon", name="Birthday Soon", birth_date=soon.replace(year=1990))
    make_detainee("far", name="Birthday Far", birth_date=(today - datetime.timedelta(days=40)))
    birthdays = section(client.get(URL).content.decode(), "birthdays")
    assert "Birthday Soon" in birthdays and "Birthday Far" not in birthdays
    assert "/en/message/soon/" in birthdays


def test_a_leap_day_birthday_is_kept_on_the_28th():
    born = datetime.date(1992, 2, 29)
    assert next_birthday(born, datetime.date(2027, 2, 1)) == datetime.date(2027, 2, 28)
    assert next_birthday(born, datetime.date(2028, 2, 1)) == datetime.date(2028, 2, 29)
    assert next_birthday(born, datetime.date(2027, 3, 1)) == datetime.date(2028, 2, 29)


def test_those_without_news_the_longest_come_first(client):
    recent = make_detainee("recent", name="Recent News")
    old = make_detainee("old", name="Old News")
    make_detainee("none", name="No News")
    TimelineEvent.objects.create(detainee=recent, date=datetime.date(2026, 6, 1), kind="OTHER")
    TimelineEvent.objects.create(detainee=old, date=datetime.date(2024, 6, 1), kind="OTHER")
    quiet = section(client.get(URL).content.decode(), "quiet")
    assert quiet.index("No News") < quiet.index("Old News") < quiet.index("Recent News")


def test_a_hidden_person_appears_nowhere_and_a_limited_one_by_initials_only(client):
    today = timezone.localdate()
    birthday = (today + datetime.timedelta(days=2)).replace(year=1985)
    hidden = make_detainee(
        "hidden-one", name="Hidden Secretname", visibility=Visibility.HIDDEN, birth_date=birthday
    )
    limited = make_detainee(
        "limited-one", name="Limited Secretname", visibility=Visibility.LIMITED, birth_date=birthday
    )
    for person in (hidden, limited):
        TimelineEvent.objects.create(
            detainee=person, date=today + datetime.timedelta(days=1), kind="HEARING"
        )
    html = client.get(URL).content.decode()
    assert "Secretname" not in html and "hidden-one" not in html
    assert html.count(limited.public_name) >= 3  # waiting, hearing, no news; no birthday
    assert "limited-one" not in section(html, "birthdays")


def test_the_page_runs_the_same_queries_for_few_and_many(client, django_assert_max_num_queries):
    today = timezone.localdate()

    def add(n, start):
        for i in range(start, start + n):
            person = make_detainee(f"p{i}", name=f"Person {i}", birth_date=today.replace(year=1980))
            TimelineEvent.objects.create(detainee=person, date=today, kind="HEARING")
            make_sponsorship(make_sponsor(f"City {i}"), person) if i % 2 else None

    add(3, 0)
    with django_assert_max_num_queries(10):
        client.get(URL)
    add(30, 3)
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize("language", ["fr", "hy"])
def test_the_page_answers_in_every_language(client, language):
    make_detainee()
    assert client.get(f"/{language}/help-now/").status_code == 200
