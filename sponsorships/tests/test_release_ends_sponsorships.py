"""Marking people released or deceased leads staff to a page that ends their active
sponsorships with that reason; each sponsor's address gets one e-mail, however many rows or
runs; every ending is in the trail. (Followers: campaign/tests/test_release_informs_once.py.)"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.models import TrailEntry
from conftest import make_detainee, make_sponsor, make_sponsorship, run_confirmed_action
from prisoners.models import Status, Visibility
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db

DETAINEES = "/en/admin/prisoners/detainee/"
END_PAGE = reverse("admin:sponsorships_sponsorship_end_for_status")


def mark_released(client, *detainees):
    """Choose "mark as released" on the list and confirm it (common.actions asks first)."""
    _question, answer = run_confirmed_action(client, DETAINEES, "mark_released", detainees)
    return answer


@pytest.fixture
def sponsored(aram):
    """Aram, sponsored twice by one city (two sign-ups, one address) and once by an NGO."""
    first = make_sponsor("Ville de Lyonnet", email_confirmed_at=timezone.now())
    second = make_sponsor("Ville de Lyonnet", email_confirmed_at=timezone.now())
    ngo = make_sponsor("Amis d'Aram", kind="NGO", email_confirmed_at=timezone.now())
    rows = [make_sponsorship(s, aram) for s in (first, second, ngo)]
    return rows


def test_marking_released_leads_to_the_page_that_ends_the_sponsorships(staff_client, sponsored):
    response = mark_released(staff_client, sponsored[0].detainee)
    assert response.status_code == 302
    assert response["Location"].startswith(END_PAGE)
    page = staff_client.get(response["Location"]).content.decode()
    for sponsorship in sponsored:
        assert f'value="{sponsorship.pk}"' in page
    assert "The detainee was released" in page
    # Nothing ended before staff confirm.
    assert Sponsorship.objects.active().count() == 3


def test_confirming_ends_them_and_tells_each_address_once(staff_client, sponsored, alice):
    location = mark_released(staff_client, sponsored[0].detainee)["Location"]
    data = {"sponsorships": [s.pk for s in sponsored], "why": "Released on 3 March."}
    staff_client.post(location, data)
    for sponsorship in sponsored:
        sponsorship.refresh_from_db()
        assert sponsorship.status == Sponsorship.Status.ENDED
        assert sponsorship.end_reason == Sponsorship.EndReason.RELEASE
        assert sponsorship.ended_on == timezone.localdate()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amis-d'aram@example.org",
        "ville-de-lyonnet@example.org",
    ]
    assert "With the release of Aram Petrosyan" in mail.outbox[0].body
    entries = TrailEntry.objects.filter(action="end_sponsorship")
    assert entries.count() == 3
    assert {(e.actor, e.reason) for e in entries} == {(alice, "Released on 3 March.")}
    assert TrailEntry.objects.filter(action="mark_released", actor=alice).count() == 1

    # The same confirmation again, or the action again: nothing more is ended or sent.
    staff_client.post(location, data)
    assert mark_released(staff_client, sponsored[0].detainee).status_code == 302
    assert len(mail.outbox) == 2
    assert TrailEntry.objects.filter(action="end_sponsorship").count() == 3


def test_staff_may_keep_a_sponsorship_by_unticking_it(staff_client, sponsored):
    location = mark_released(staff_client, sponsored[0].detainee)["Location"]
    staff_client.post(location, {"sponsorships": [sponsored[2].pk]})
    assert set(Sponsorship.objects.active()) == set(sponsored[:2])
    assert [m.to for m in mail.outbox] == [["amis-d'aram@example.org"]]


def test_without_active_sponsorships_the_action_stays_on_the_list(staff_client, aram):
    response = mark_released(staff_client, aram)
    assert response.status_code == 302
    assert response["Location"].endswith(DETAINEES)


def test_a_forged_link_ends_nothing_of_a_person_still_held(staff_client, sponsored):
    aram = sponsored[0].detainee
    url = f"{END_PAGE}?status=RELEASED&detainee={aram.pk}"
    staff_client.post(url, {"sponsorships": [s.pk for s in sponsored]})
    assert Sponsorship.objects.active().count() == 3
    assert mail.outbox == []


def test_a_visitor_cannot_open_or_post_the_page(client, bob, sponsored):
    aram = sponsored[0].detainee
    aram.status = Status.RELEASED
    aram.save()
    client.force_login(bob)
    url = f"{END_PAGE}?status=RELEASED&detainee={aram.pk}"
    client.post(url, {"sponsorships": [s.pk for s in sponsored]})
    assert Sponsorship.objects.active().count() == 3


def change_form_data(client, detainee, **changes):
    """What the detainee's change form sends back unchanged, with `changes`."""
    url = f"{DETAINEES}{detainee.pk}/change/"
    html = client.get(url).content.decode()
    data = dict(
        re.findall(
            r'name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d+)"', html
        )
    )
    data.update(
        {
            "slug": detainee.slug,
            "name_en": detainee.name_en,
            "name_fr": detainee.name_fr or "",
            "name_hy": detainee.name_hy or "",
            "category": detainee.category,
            "status": detainee.status,
            "visibility": detainee.visibility,
            "detention_acknowledged": detainee.detention_acknowledged,
            "icrc_registered": "unknown",
            "print_after_release": "on",
        }
    )
    data.update(changes)
    return url, data


def test_a_death_recorded_on_the_form_proposes_ending_with_that_reason(staff_client, sponsored):
    aram = sponsored[0].detainee
    url, data = change_form_data(staff_client, aram, status="DECEASED")
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].startswith(END_PAGE)
    staff_client.post(response["Location"], {"sponsorships": [s.pk for s in sponsored]})
    assert set(Sponsorship.objects.values_list("end_reason", flat=True)) == {"DECEASED"}
    assert len(mail.outbox) == 2
    assert "has died" in mail.outbox[0].body


def test_the_sponsor_of_a_hidden_person_is_told_without_their_name(staff_client, aram):
    aram.visibility = Visibility.HIDDEN
    aram.save()
    make_sponsorship(make_sponsor("Ville", email_confirmed_at=timezone.now()), aram)
    location = mark_released(staff_client, aram)["Location"]
    staff_client.post(
        location, {"sponsorships": list(Sponsorship.objects.values_list("pk", flat=True))}
    )
    [message] = mail.outbox
    assert "Petrosyan" not in message.subject + message.body
    assert "the person you sponsored" in message.body


def test_the_armenian_e_mail_names_the_person_in_armenian(staff_client, aram):
    make_sponsorship(make_sponsor("Ville", language="hy", email_confirmed_at=timezone.now()), aram)
    other = make_detainee("other", name="Other Person")
    location = mark_released(staff_client, aram, other)["Location"]
    staff_client.post(
        location, {"sponsorships": list(Sponsorship.objects.values_list("pk", flat=True))}
    )
    [message] = mail.outbox
    assert "Արամ Պետրոսյան" in message.body
    assert "Petrosyan" not in message.body
