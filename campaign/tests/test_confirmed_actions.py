"""Admin actions that change or erase ask first: the question names the change, the number of
rows and the rows; only the confirming POST runs it, and each row's trail entry says why."""

import pytest

from common.actions import CONFIRM_ROWS_SHOWN
from common.models import TrailEntry
from conftest import make_detainee, make_donation, run_confirmed_action, signed_in
from donations.models import Donation
from prisoners.models import Detainee, Status

pytestmark = pytest.mark.django_db

DONATIONS = "/en/admin/donations/donation/"
DETAINEES = "/en/admin/prisoners/detainee/"


def test_an_erase_post_without_the_confirmation_erases_nothing(alice, client):
    donation = make_donation(donor_email="anna@example.org", donor_name="Anna Donor")
    staff = signed_in(alice, client)
    selection = {"action": "erase_personal_data", "_selected_action": [donation.pk]}
    for attempt in [selection, {**selection, "post": "no"}, {**selection, "reason": "x"}]:
        page = staff.post(DONATIONS, attempt)
        assert page.status_code == 200
        assert "Erase the personal data of these people?" in page.content.decode()
    donation.refresh_from_db()
    assert donation.donor_name == "Anna Donor"
    assert not TrailEntry.objects.exists()


def test_an_erasure_needs_a_reason(alice, client):
    donation = make_donation(donor_email="anna@example.org", donor_name="Anna Donor")
    staff = signed_in(alice, client)
    page = staff.post(
        DONATIONS,
        {"action": "erase_personal_data", "_selected_action": [donation.pk], "post": "yes"},
    )
    assert page.status_code == 200 and page.context["form"].errors["reason"]
    donation.refresh_from_db()
    assert donation.donor_name == "Anna Donor"


def test_the_question_counts_the_rows_and_lists_the_first_ones(alice, client):
    people = [make_detainee(slug=f"p-{n}", name=f"Person {n:03}") for n in range(55)]
    staff = signed_in(alice, client)
    page = staff.post(
        DETAINEES, {"action": "mark_released", "_selected_action": [p.pk for p in people]}
    )
    html = page.content.decode()
    assert "This will change 55 records" in html
    assert html.count("<li>Person ") == CONFIRM_ROWS_SHOWN
    assert "and 5 more" in html
    assert html.count('name="_selected_action"') == 55  # all of them are confirmed, not 50
    assert not Detainee.objects.filter(status=Status.RELEASED).exists()


def test_a_bulk_action_writes_one_trail_entry_per_row_with_the_reason(alice, client):
    people = [make_detainee(slug=f"p-{n}", name=f"Person {n}") for n in range(3)]
    staff = signed_in(alice, client)
    run_confirmed_action(staff, DETAINEES, "mark_released", people, "Confirmed by the ICRC")
    entries = TrailEntry.objects.filter(action="mark_released").order_by("object_id")
    assert [(e.object_id, e.reason, e.details["count"]) for e in entries] == [
        (str(p.pk), "Confirmed by the ICRC", 3) for p in people
    ]
    assert Detainee.objects.filter(status=Status.RELEASED).count() == 3


def test_deleting_selected_rows_asks_why_and_leaves_a_trail(alice, client):
    donations = [make_donation(), make_donation()]
    staff = signed_in(alice, client)
    selection = {"action": "delete_selected", "_selected_action": [d.pk for d in donations]}
    page = staff.post(DONATIONS, selection)
    assert 'name="reason"' in page.content.decode()
    assert Donation.objects.count() == 2
    staff.post(DONATIONS, {**selection, "post": "yes", "reason": "Test payments"})
    assert not Donation.objects.exists()
    entries = TrailEntry.objects.filter(action="delete_selected")
    assert sorted(e.object_id for e in entries) == sorted(str(d.pk) for d in donations)
    assert {e.reason for e in entries} == {"Test payments"}


def test_an_action_refuses_a_role_without_its_permission_even_the_question(finance, client):
    detainee = make_detainee()
    staff = signed_in(finance, client)
    response = staff.post(DETAINEES, {"action": "mark_released", "_selected_action": [detainee.pk]})
    assert response.status_code == 403
    detainee.refresh_from_db()
    assert detainee.status == Status.HELD
