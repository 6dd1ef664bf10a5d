"""The trail of decisions: who, when, what and why, on the record and in one list, with no
personal data copied into it and no way to rewrite it."""

import pytest
from django.contrib.auth.models import Group

from common import trail
from common.models import TrailEntry
from conftest import make_detainee, make_donation, run_confirmed_action, signed_in

pytestmark = pytest.mark.django_db


def test_an_entry_says_who_what_on_which_record_and_why(alice):
    detainee = make_detainee()
    entry = trail.record(alice, "bulk_action", detainee, reason="Family asked", count=3)
    entry.refresh_from_db()
    assert (entry.actor, entry.object_repr, entry.reason) == (alice, str(detainee), "Family asked")
    assert entry.details == {"count": 3}
    assert list(TrailEntry.objects.for_object(detainee)) == [entry]


def test_a_record_with_personal_data_is_named_by_its_kind_and_number(alice):
    donation = make_donation(donor_email="anna@example.org", donor_name="Anna Donor")
    entry = trail.record(alice, "erase_personal_data", donation)
    assert "anna" not in entry.object_repr.lower()
    assert entry.object_repr.endswith(f"#{donation.pk}")


def test_erasing_a_donor_from_the_admin_leaves_a_trail_without_their_address(alice, client):
    donation = make_donation(donor_email="anna@example.org", donor_name="Anna Donor")
    staff = signed_in(alice, client)
    run_confirmed_action(
        staff, "/en/admin/donations/donation/", "erase_personal_data", [donation], "Letter 3/11"
    )
    entries = TrailEntry.objects.filter(action="erase_personal_data")
    assert [(e.actor, e.object_id, e.reason) for e in entries] == [
        (alice, str(donation.pk), "Letter 3/11")
    ]
    assert "anna" not in str(list(entries.values())).lower()


def test_giving_a_role_in_the_admin_is_written_in_the_trail(alice, editor, client):
    staff = signed_in(alice, client)
    page = staff.get(f"/en/admin/auth/user/{editor.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        groups=[g.pk for g in Group.objects.filter(name__in=["Editors", "Finance"])],
        user_permissions=[],
        last_login_0="",
        last_login_1="",
        date_joined_0="2026-01-01",
        date_joined_1="10:00:00",
        is_active="on",
        is_staff="on",
    )
    response = staff.post(f"/en/admin/auth/user/{editor.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    (entry,) = TrailEntry.objects.filter(action="change_permissions")
    assert entry.actor == alice and entry.object_id == str(editor.pk)
    assert entry.details["groups"] == {"added": ["Finance"], "removed": []}


def test_a_change_that_gives_no_role_writes_nothing(alice, editor, client):
    staff = signed_in(alice, client)
    page = staff.get(f"/en/admin/auth/group/{Group.objects.get(name='Finance').pk}/change/")
    form = page.context["adminform"].form
    staff.post(
        f"/en/admin/auth/group/{form.instance.pk}/change/",
        {"name": "Finance", "permissions": [p.pk for p in form.instance.permissions.all()]},
    )
    assert not TrailEntry.objects.exists()


def test_the_record_page_shows_its_trail(alice, client):
    detainee = make_detainee()
    trail.record(alice, "bulk_action", detainee, reason="Checked with the family")
    page = signed_in(alice, client).get(f"/en/admin/prisoners/detainee/{detainee.pk}/change/")
    assert "Checked with the family" in page.content.decode()


def test_editors_read_the_trail_of_the_registry_and_not_of_donations(alice, editor, client):
    trail.record(alice, "bulk_action", make_detainee())
    trail.record(alice, "bulk_action", make_donation())
    page = signed_in(editor, client).get("/en/admin/common/trailentry/")
    assert page.status_code == 200
    assert [e.content_type.model for e in page.context["cl"].result_list] == ["detainee"]


def test_nobody_rewrites_or_deletes_the_trail(alice, client):
    entry = trail.record(alice, "bulk_action", make_detainee())
    staff = signed_in(alice, client)
    assert (
        staff.post(f"/en/admin/common/trailentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    staff.post(f"/en/admin/common/trailentry/{entry.pk}/change/", {"reason": "nothing happened"})
    entry.refresh_from_db()
    assert entry.reason == ""
    assert TrailEntry.objects.count() == 1
