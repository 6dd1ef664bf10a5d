"""Profiles act on the person (issue 17, item 3): each action chooses them, and only the
actions that can still help are offered, by status and by visibility."""

import datetime

import pytest
from django.urls import reverse

from conftest import make_detainee
from donations.models import GivingDetails
from prisoners.models import Status, TimelineEvent, Visibility

# Which actions a PUBLIC profile offers, by status (giving possible: Stripe keys are set).
OFFERED = {
    Status.HELD: {"sponsor", "donate", "follow", "message", "letter"},
    Status.UNKNOWN: {"sponsor", "donate", "follow", "message", "letter"},
    Status.RELEASED: {"donate", "follow", "message"},
    Status.DECEASED: {"message"},
}
LINKS = {
    "sponsor": lambda d: f'{reverse("sponsorships:signup")}?target={d.pk}"',
    "donate": lambda d: f'{reverse("donations:donate")}?dedicated_to={d.pk}"',
    "follow": lambda d: f'{reverse("campaign:follow", args=[d.slug])}"',
    "message": lambda d: f'{reverse("campaign:message", args=[d.slug])}"',
    "letter": lambda d: f'{reverse("campaign:take_action")}?detainee={d.slug}"',
}


def offered(client, detainee):
    page = client.get(detainee.get_absolute_url()).content.decode()
    return {action for action, link in LINKS.items() if link(detainee) in page}


@pytest.fixture
def online_giving(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_profile_actions"


@pytest.mark.parametrize("status", list(OFFERED))
def test_a_public_profile_offers_the_actions_that_can_help_by_status(
    client, db, online_giving, status
):
    detainee = make_detainee(status=status)
    assert offered(client, detainee) == OFFERED[status]


@pytest.mark.parametrize("status", list(OFFERED))
def test_a_limited_profile_offers_no_action_that_would_name_the_person(
    client, db, online_giving, status
):
    detainee = make_detainee(slug="a-k", status=status, visibility=Visibility.LIMITED)
    # A gift's dedication and a letter name the person: neither is offered on initials.
    assert offered(client, detainee) == OFFERED[status] - {"donate", "letter"}


def test_donate_in_their_name_appears_only_where_giving_is_possible(client, db, settings):
    settings.STRIPE_SECRET_KEY = ""
    detainee = make_detainee()
    assert "donate" not in offered(client, detainee)
    GivingDetails(account_holder="Covcas", iban="FR76 3000 6000 0112 3456 7890 189").save()
    assert "donate" in offered(client, detainee)


def test_a_released_profile_shows_the_release_and_what_happened_since(client, db):
    detainee = make_detainee(status=Status.RELEASED, released_on=datetime.date(2025, 1, 7))
    TimelineEvent.objects.create(
        detainee=detainee, date=datetime.date(2024, 5, 2), kind="HEARING", text_en="Trial."
    )
    TimelineEvent.objects.create(
        detainee=detainee, date=datetime.date(2025, 3, 1), kind="OTHER", text_en="Back home."
    )
    page = client.get(detainee.get_absolute_url()).content.decode()
    note = page.split('data-testid="release-note">')[1].split("</p>")[0]
    assert "Released on" in note and "7, 2025" in note
    since = page.split('id="since-release-heading"')[1]
    assert "Back home." in since and "Trial." not in since


# Pre-selection: the form opens with the person chosen, and keeps them on an error.


def test_the_sponsor_form_opens_with_the_person_chosen_and_keeps_them_on_an_error(client, db):
    detainee = make_detainee()
    url = reverse("sponsorships:signup")
    page = client.get(f"{url}?target={detainee.pk}").content.decode()
    assert f'value="{detainee.pk}" checked' in page
    page = client.post(url, {"target": str(detainee.pk)}).content.decode()
    assert f'value="{detainee.pk}" checked' in page


def test_the_donate_form_opens_with_the_dedication_set_and_keeps_it_on_an_error(
    client, db, online_giving
):
    detainee = make_detainee()
    url = reverse("donations:donate")
    page = client.get(f"{url}?dedicated_to={detainee.pk}").content.decode()
    assert f'<option value="{detainee.pk}" selected>Ani Karapetyan</option>' in page
    response = client.post(url, {"dedicated_to": str(detainee.pk), "amount_choice": "other"})
    assert response.status_code == 200
    assert (
        f'<option value="{detainee.pk}" selected>Ani Karapetyan</option>'
        in response.content.decode()
    )


def test_the_letter_opens_about_the_person(client, db):
    detainee = make_detainee()
    page = client.get(
        f"{reverse('campaign:take_action')}?detainee={detainee.slug}"
    ).content.decode()
    # The person is chosen in the form (the letter naming them alone: test_letters_to_...).
    assert f'<option value="{detainee.slug}" selected>' in page


# Attacks: an address in the query string must not reveal or choose a hidden person.


def hidden_and_limited(db):
    hidden = make_detainee(slug="h-x", name="Secret Person", visibility=Visibility.HIDDEN)
    limited = make_detainee(slug="l-x", name="Guarded Person", visibility=Visibility.LIMITED)
    return hidden, limited


@pytest.mark.parametrize("key", ["pk", "slug"])
def test_a_hidden_person_s_address_is_not_chosen_on_the_sponsor_form(client, db, key):
    hidden, _limited = hidden_and_limited(db)
    value = getattr(hidden, key)
    page = client.get(f"{reverse('sponsorships:signup')}?target={value}").content.decode()
    assert "Secret" not in page and f'id="target-{hidden.pk}"' not in page
    response = client.post(reverse("sponsorships:signup"), {"target": str(hidden.pk)})
    assert "Secret" not in response.content.decode()
    assert f'id="target-{hidden.pk}"' not in response.content.decode()


def test_a_limited_person_is_chosen_on_the_sponsor_form_by_initials_only(client, db):
    _hidden, limited = hidden_and_limited(db)
    page = client.get(f"{reverse('sponsorships:signup')}?target={limited.pk}").content.decode()
    assert f'value="{limited.pk}" checked' in page
    assert "Guarded" not in page and "G. P." in page


@pytest.mark.parametrize("key", ["pk", "slug"])
def test_a_hidden_or_limited_person_is_never_a_gift_s_dedication(client, db, online_giving, key):
    hidden, limited = hidden_and_limited(db)
    for record in (hidden, limited):
        value = getattr(record, key)
        page = client.get(f"{reverse('donations:donate')}?dedicated_to={value}").content.decode()
        assert "Secret" not in page and "Guarded" not in page and "G. P." not in page
        assert f'<option value="{record.pk}"' not in page


def test_a_deceased_person_is_never_a_gift_s_dedication(client, db, online_giving):
    deceased = make_detainee(status=Status.DECEASED)
    page = client.get(f"{reverse('donations:donate')}?dedicated_to={deceased.pk}").content.decode()
    assert f'<option value="{deceased.pk}"' not in page


@pytest.mark.parametrize("slug", ["h-x", "l-x"])
def test_a_letter_never_names_a_hidden_person_nor_a_limited_one_in_full(client, db, slug):
    hidden_and_limited(db)
    url = f"{reverse('campaign:take_action')}?detainee={slug}"
    page = client.get(url).content.decode()
    # A limited person may be chosen, by initials, as every public page names them.
    assert "Secret" not in page and "Guarded" not in page
    assert 'value="h-x"' not in page
