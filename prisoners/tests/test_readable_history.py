"""A detainee's history reads in the staff member's language: fields by their labels, choices by
theirs, each translation named once, the timeline's changes included, and the revert screen
says what it will change before it runs."""

import html
import re

import pytest
from django.utils import translation

from conftest import make_detainee
from prisoners.models import Status, TimelineEvent

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/prisoners/detainee/"


def changes(page):
    """The change lines of a history page, as text."""
    text = page.content.decode()
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split())
        for item in re.findall(r"<li>\s*<strong>(.*?)</li>", text, re.S)
    ]


def released_with_a_new_armenian_name():
    detainee = make_detainee()
    detainee.status = Status.RELEASED
    detainee.name_hy = "Անի Կ."
    detainee.save()
    return detainee


def test_history_names_fields_and_choices_by_their_labels(staff_client):
    detainee = released_with_a_new_armenian_name()
    lines = changes(staff_client.get(f"{CHANGELIST}{detainee.pk}/history/"))
    assert "Status: Held → Released" in lines
    assert "Name (Armenian): Անի Կարապետյան → Անի Կ." in lines
    assert not [line for line in lines if "HELD" in line or line.startswith("Name:")]


def test_history_reads_in_armenian_for_an_armenian_reader(staff_client):
    detainee = released_with_a_new_armenian_name()
    lines = changes(staff_client.get(f"/hy/admin/prisoners/detainee/{detainee.pk}/history/"))
    with translation.override("hy"):
        held, released = str(Status.HELD.label), str(Status.RELEASED.label)
        status = str(detainee._meta.get_field("status").verbose_name)
    assert any(line == f"{status[0].upper()}{status[1:]}: {held} → {released}" for line in lines)
    assert not [line for line in lines if "Held" in line or "Armenian" in line]


def test_timeline_changes_show_on_the_detainees_history(staff_client):
    detainee = make_detainee()
    event = TimelineEvent.objects.create(
        detainee=detainee, date="2025-01-10", kind=TimelineEvent.Kind.HEARING
    )
    event.kind = TimelineEvent.Kind.SENTENCED
    event.text_en = "Sentenced to 15 years."
    event.save()
    page = staff_client.get(f"{CHANGELIST}{detainee.pk}/history/")
    assert "Changes of related records" in page.content.decode()
    lines = changes(page)
    assert "Kind: Hearing → Sentenced" in lines
    assert "What happened (English): — → Sentenced to 15 years." in lines


def test_the_revert_screen_shows_its_diff_before_it_runs(staff_client):
    detainee = released_with_a_new_armenian_name()
    first = detainee.history.earliest()
    page = staff_client.get(f"{CHANGELIST}{detainee.pk}/history/{first.history_id}/")
    assert "What the revert changes" in page.content.decode()
    lines = changes(page)
    assert "Status: Released → Held" in lines
    assert "Name (Armenian): Անի Կ. → Անի Կարապետյան" in lines
    detainee.refresh_from_db()
    assert detainee.status == Status.RELEASED  # looking reverts nothing
