"""People still held whom no active sponsorship names carry a "needs a sponsor" mark on their
card in the registry list, linking to the sign-up form with them chosen."""

import pytest
from django.urls import reverse

from conftest import make_detainee, make_sponsor, make_sponsorship
from prisoners.models import Status
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db


def card_of(html, name):
    start = html.index(name)
    return html[start : html.index("</article>", start)]


def test_only_people_still_held_without_an_active_sponsorship_are_marked(client):
    alone = make_detainee("alone", name="Alone Person")
    make_detainee("unknown", name="Unknown Fate", status=Status.UNKNOWN)
    helped = make_detainee("helped", name="Helped Person")
    pending = make_detainee("pending", name="Pending Person")
    make_detainee("free", name="Free Person", status=Status.RELEASED)
    make_sponsorship(make_sponsor(), helped)
    make_sponsorship(make_sponsor("Later City"), pending, status=Sponsorship.Status.PENDING)
    # A sponsorship of the whole group names nobody in particular.
    make_sponsorship(make_sponsor("Group City"), None)

    html = client.get("/en/prisoners/?status=ALL").content.decode()

    signup = reverse("sponsorships:signup")
    assert f'href="{signup}?target={alone.pk}">Needs a sponsor' in card_of(html, "Alone Person")
    assert "Needs a sponsor" in card_of(html, "Unknown Fate")
    assert "Needs a sponsor" in card_of(html, "Pending Person")
    assert "Needs a sponsor" not in card_of(html, "Helped Person")
    assert "Needs a sponsor" not in card_of(html, "Free Person")


def test_a_hidden_person_is_never_marked_or_named(client):
    make_detainee("hidden", name="Hidden Person", visibility="HIDDEN")
    html = client.get("/en/prisoners/").content.decode()
    assert "Hidden Person" not in html and "Needs a sponsor" not in html
