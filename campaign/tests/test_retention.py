"""`purge_personal_data` applies the retention periods the privacy page states."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaign.models import Petition, Signature
from sponsorships.models import Sponsor, Sponsorship


@pytest.fixture
def petition(db):
    return Petition.objects.create(title="Free them", text="…", goal=100)


def sign(petition, email, confirmed=True, days_ago=0):
    signature = Signature.objects.create(
        petition=petition,
        name="Anna Test",
        email=email,
        country="FR",
        comment="Free them all",
        language="en",
        confirmed_at=timezone.now() if confirmed else None,
    )
    Signature.objects.filter(pk=signature.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return signature


def test_old_unconfirmed_signature_goes_and_recent_ones_stay(petition):
    old = sign(petition, "old@example.org", confirmed=False, days_ago=31)
    fresh = sign(petition, "fresh@example.org", confirmed=False, days_ago=5)
    call_command("purge_personal_data", verbosity=0)
    assert not Signature.objects.filter(pk=old.pk).exists()
    assert Signature.objects.filter(pk=fresh.pk).exists()


def test_closing_a_petition_forgets_its_signers_but_keeps_the_count(petition):
    sign(petition, "anna@example.org")
    sign(petition, "boris@example.org")
    call_command("purge_personal_data", verbosity=0)
    assert Signature.objects.filter(email="anna@example.org").exists()  # still open

    petition.active = False
    petition.save()
    call_command("purge_personal_data", verbosity=0)
    assert petition.signatures.confirmed().count() == 2
    assert not petition.signatures.filter(email__endswith="@example.org").exists()
    assert set(petition.signatures.values_list("name", "comment")) == {("", "")}


def make_sponsor(email, status, changed_days_ago):
    sponsor = Sponsor.objects.create(
        kind=Sponsor.Kind.CITY,
        name="Sample town",
        country="FR",
        contact_name="Claire Contact",
        email=email,
        phone="+33 1 00 00 00 00",
    )
    sponsorship = Sponsorship.objects.create(sponsor=sponsor, status=status)
    Sponsorship.objects.filter(pk=sponsorship.pk).update(
        updated_at=timezone.now() - timedelta(days=changed_days_ago)
    )
    return sponsor


def test_sponsor_contact_is_erased_two_years_after_the_end(db):
    former = make_sponsor("former@example.org", Sponsorship.Status.ENDED, 2 * 365 + 5)
    recent = make_sponsor("recent@example.org", Sponsorship.Status.ENDED, 300)
    active = make_sponsor("active@example.org", Sponsorship.Status.ACTIVE, 3 * 365)
    call_command("purge_personal_data", verbosity=0)

    former.refresh_from_db()
    assert (former.contact_name, former.phone) == ("", "")
    assert former.email.endswith("@erased.invalid")
    assert former.name == "Sample town"  # the organisation itself stays on record
    for kept in (recent, active):
        kept.refresh_from_db()
        assert kept.contact_name == "Claire Contact"
