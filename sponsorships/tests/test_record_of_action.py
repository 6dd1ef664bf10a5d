"""Sponsors' record of action: recorded in the portal, public only once staff publish it, on
the profile, the register and the wall; no other sponsor's, no hidden person's, no free text
about a limited record."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from common.models import TrailEntry
from conftest import (
    image_bytes,
    make_detainee,
    make_sponsor,
    make_sponsorship,
    make_user,
    sign_in,
    signed_in,
)
from prisoners.models import Visibility
from sponsorships.models import SponsorAction, Sponsorship

pytestmark = pytest.mark.django_db


@pytest.fixture
def sponsor(db):
    return make_sponsor("Ville de Lyon", user=make_user("lyon@example.org"))


@pytest.fixture
def person(db):
    return make_detainee()


@pytest.fixture
def sponsorship(sponsor, person):
    return make_sponsorship(sponsor, person)


def record(client, sponsorship, **data):
    values = {
        "kind": "LETTER",
        "date": "2026-11-02",
        "text": "We wrote to the Minister of Foreign Affairs about Ani.",
        "language": "en",
        "link": "",
        "photo_alt": "",
    }
    values.update(data)
    return client.post(f"/en/sponsor/portal/{sponsorship.pk}/actions/new/", values)


def publish(action):
    action.status = SponsorAction.Status.APPROVED
    action.save()


def test_a_sponsor_records_an_action_that_waits_for_review(client, sponsor, sponsorship):
    sign_in(client, sponsor.user)
    response = record(client, sponsorship)
    assert response.status_code == 302
    action = SponsorAction.objects.get()
    assert (action.sponsorship, action.status) == (sponsorship, SponsorAction.Status.PENDING)
    portal = client.get(f"/en/sponsor/portal/{sponsorship.pk}/").content.decode()
    assert "Minister of Foreign Affairs" in portal and "Waiting for the campaign" in portal


def test_nothing_is_public_before_staff_publish_it(client, sponsor, sponsorship, person):
    sign_in(client, sponsor.user)
    record(client, sponsorship)
    client.logout()
    for url in (person.get_absolute_url(), "/en/sponsors/actions/", "/en/sponsors/"):
        assert "Minister of Foreign Affairs" not in client.get(url).content.decode(), url
    publish(SponsorAction.objects.get())
    for url in (person.get_absolute_url(), "/en/sponsors/actions/"):
        assert "Minister of Foreign Affairs" in client.get(url).content.decode(), url
    assert "1 action recorded" in client.get("/en/sponsors/").content.decode()


def test_another_sponsor_cannot_record_for_a_sponsorship_not_theirs(client, sponsorship):
    intruder = make_sponsor("Ville de Paris", user=make_user("paris@example.org"))
    make_sponsorship(intruder, make_detainee("other", name="Other Person"))
    sign_in(client, intruder.user)
    assert record(client, sponsorship).status_code == 404
    assert not SponsorAction.objects.exists()


def test_only_an_active_sponsorship_records_actions(client, sponsor, sponsorship):
    sponsorship.status = Sponsorship.Status.ENDED
    sponsorship.save()
    sign_in(client, sponsor.user)
    assert record(client, sponsorship).status_code == 404


def test_a_date_ahead_and_a_photo_without_description_are_refused_and_the_text_kept(
    client, sponsor, sponsorship
):
    sign_in(client, sponsor.user)
    ahead = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    photo = SimpleUploadedFile("event.jpg", image_bytes(), content_type="image/jpeg")
    response = record(client, sponsorship, date=ahead, photo=photo)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"date", "photo_alt"}
    assert "Minister of Foreign Affairs" in response.content.decode()
    assert not SponsorAction.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client, sponsor, sponsorship):
    sign_in(client, sponsor.user)
    fake = SimpleUploadedFile("event.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = record(client, sponsorship, photo=fake, photo_alt="A crowd")
    assert "photo" in response.context["form"].errors


def test_staff_publish_in_bulk_with_a_trail_entry_each(client, alice, sponsorship):
    first = SponsorAction.objects.create(
        sponsorship=sponsorship, kind="EVENT", date="2026-10-01", text="A"
    )
    second = SponsorAction.objects.create(
        sponsorship=sponsorship, kind="MEDIA", date="2026-10-02", text="B"
    )
    staff = signed_in(alice)
    staff.post(
        "/en/admin/sponsorships/sponsoraction/",
        {
            "action": "approve_sponsor_action",
            "_selected_action": [first.pk, second.pk],
            "post": "yes",
        },
    )
    assert set(SponsorAction.objects.values_list("status", flat=True)) == {"APPROVED"}
    entries = TrailEntry.objects.filter(action="approve_sponsor_action")
    assert sorted(int(e.object_id) for e in entries) == [first.pk, second.pk]
    assert all(e.actor == alice for e in entries)


def test_a_hidden_persons_actions_appear_nowhere_and_a_limited_ones_without_text(client):
    hidden = make_detainee("hidden-one", name="Hidden Secretname", visibility=Visibility.HIDDEN)
    limited = make_detainee("limited-one", name="Limited Secretname", visibility=Visibility.LIMITED)
    for i, person in enumerate((hidden, limited)):
        sponsorship = make_sponsorship(make_sponsor(f"City {i}"), person)
        SponsorAction.objects.create(
            sponsorship=sponsorship,
            kind="LETTER",
            date="2026-10-01",
            text=f"Letter about {person.name_en} Secretname",
            status=SponsorAction.Status.APPROVED,
        )
    register = client.get("/en/sponsors/actions/").content.decode()
    assert "Secretname" not in register
    assert limited.public_name in register and "City 0" not in register
    assert client.get(f"/en/sponsors/actions/?detainee={hidden.slug}").status_code == 200
    assert "Secretname" not in client.get(limited.get_absolute_url()).content.decode()


def test_the_register_filters_by_kind_country_and_person(client, sponsorship, person):
    other = make_sponsorship(
        make_sponsor("Stadt Berlin", country="DE"), make_detainee("other", name="Other Person")
    )
    for s, kind, text in [(sponsorship, "LETTER", "Lyon letter"), (other, "EVENT", "Berlin vigil")]:
        SponsorAction.objects.create(
            sponsorship=s, kind=kind, date="2026-10-01", text=text, status="APPROVED"
        )
    assert "Berlin vigil" not in client.get("/en/sponsors/actions/?kind=LETTER").content.decode()
    assert "Lyon letter" not in client.get("/en/sponsors/actions/?country=DE").content.decode()
    by_person = client.get(f"/en/sponsors/actions/?detainee={person.slug}").content.decode()
    assert "Lyon letter" in by_person and "Berlin vigil" not in by_person


def test_the_portal_shows_each_pledge_next_to_what_was_done(client, sponsor, sponsorship):
    from sponsorships.models import Commitment

    sponsorship.commitments.set(Commitment.objects.filter(code__in=["lobbying", "media"]))
    SponsorAction.objects.create(
        sponsorship=sponsorship, kind="LETTER", date="2026-10-01", text="x"
    )
    sign_in(client, sponsor.user)
    page = client.get(f"/en/sponsor/portal/{sponsorship.pk}/")
    groups = page.context["commitment_groups"]
    done = {i["commitment"].code: len(i["actions"]) for g in groups for i in g["items"]}
    assert done == {"lobbying": 1, "media": 0}


def test_the_register_runs_the_same_queries_for_few_and_many(client, django_assert_max_num_queries):
    def add(n, start):
        for i in range(start, start + n):
            s = make_sponsorship(make_sponsor(f"City {i}"), make_detainee(f"p{i}", name=f"P {i}"))
            SponsorAction.objects.create(
                sponsorship=s, kind="EVENT", date="2026-10-01", text="t", status="APPROVED"
            )

    add(2, 0)
    with django_assert_max_num_queries(10):
        client.get("/en/sponsors/actions/")
    add(25, 2)
    with django_assert_max_num_queries(10):
        assert client.get("/en/sponsors/actions/").status_code == 200
