"""A sponsor staff entered (cities often sign on paper) can be approved: staff send, and
resend, the confirmation e-mail, or record the confirmation on paper with a scan kept in the
private storage. Each step is in the trail."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.models import TrailEntry
from conftest import make_sponsor, make_sponsorship
from sponsorships import services
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def step_url(sponsorship, step):
    return reverse("admin:sponsorships_sponsorship_workflow", args=[sponsorship.pk, step])


@pytest.fixture
def entered(aram):
    """A city staff typed in from a paper form: nobody ever clicked a confirmation link."""
    sponsor = make_sponsor("Ville de Papier", language="fr")
    return make_sponsorship(sponsor, aram, status=Sponsorship.Status.PENDING)


def confirm_link_path(message):
    url = next(word for word in message.body.split() if "/confirm" in word)
    path = url.split("://", 1)[1]
    return path[path.index("/") :]


def actions(sponsorship):
    return list(
        TrailEntry.objects.filter(object_id=str(sponsorship.pk))
        .order_by("at", "pk")
        .values_list("action", flat=True)
    )


def test_staff_resend_the_confirmation_then_the_sponsor_confirms_and_staff_approve(
    client, staff_client, entered, alice
):
    page = staff_client.get(reverse("admin:sponsorships_sponsorship_change", args=[entered.pk]))
    assert step_url(entered, "send_confirmation") in page.content.decode()
    assert step_url(entered, "approve") not in page.content.decode()

    staff_client.post(step_url(entered, "send_confirmation"))
    assert [m.to for m in mail.outbox] == [[entered.sponsor.email]]
    # At once again: refused, nothing sent.
    staff_client.post(step_url(entered, "send_confirmation"))
    assert len(mail.outbox) == 1
    # After the interval, the resend goes.
    entered.sponsor.__class__.objects.filter(pk=entered.sponsor_id).update(
        confirmation_sent_at=entered.sponsor.created_at
        - services.STAFF_RESEND_INTERVAL
        - datetime.timedelta(seconds=1)
    )
    staff_client.post(step_url(entered, "send_confirmation"))
    assert len(mail.outbox) == 2

    client.post(confirm_link_path(mail.outbox[-1]))
    entered.sponsor.refresh_from_db()
    assert entered.sponsor.email_confirmed_at is not None

    staff_client.post(step_url(entered, "approve"), {"message": ""})
    entered.refresh_from_db()
    assert entered.status == Sponsorship.Status.ACTIVE
    assert actions(entered) == [
        "send_sponsor_confirmation",
        "send_sponsor_confirmation",
        "approve_sponsorship",
    ]
    assert TrailEntry.objects.filter(actor=alice).count() == 3


def test_a_confirmation_on_paper_allows_approval_without_an_account(staff_client, entered, alice):
    scan = SimpleUploadedFile("formulaire.pdf", PDF, "application/pdf")
    staff_client.post(
        step_url(entered, "confirm_on_paper"), {"scan": scan, "why": "Signed at the council."}
    )
    entered.refresh_from_db()
    assert entered.paper_confirmed_at is not None
    # Kept in the private storage, outside the web root.
    assert (settings.PRIVATE_MEDIA_ROOT / entered.paper_confirmation.name).read_bytes() == PDF
    assert not (settings.MEDIA_ROOT / entered.paper_confirmation.name).exists()

    staff_client.post(step_url(entered, "approve"), {"message": "Bienvenue."})
    entered.refresh_from_db()
    assert entered.status == Sponsorship.Status.ACTIVE
    # The address was never proved: no account, no password link, no portal promised.
    assert entered.sponsor.user is None
    body = mail.outbox[-1].body
    assert "/accounts/" not in body
    assert actions(entered) == ["confirm_on_paper", "approve_sponsorship"]
    paper = TrailEntry.objects.get(action="confirm_on_paper")
    assert (paper.actor, paper.reason) == (alice, "Signed at the council.")


def test_only_staff_open_the_scan(client, staff_client, entered, bob):
    services.confirm_on_paper(entered, SimpleUploadedFile("scan.pdf", PDF, "application/pdf"))
    url = reverse("admin:sponsorships_sponsorship_paper", args=[entered.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"]
    client.force_login(bob)
    assert client.get(url).status_code == 302  # to the admin's sign-in


def test_a_scan_that_is_not_a_pdf_or_an_image_is_refused(staff_client, entered):
    fake = SimpleUploadedFile("scan.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = staff_client.post(step_url(entered, "confirm_on_paper"), {"scan": fake})
    assert "The scan must be a PDF, PNG or JPEG file." in response.content.decode()
    entered.refresh_from_db()
    assert entered.paper_confirmed_at is None
    assert not TrailEntry.objects.exists()


def test_a_confirmed_sponsor_is_sent_no_second_confirmation(staff_client, entered):
    from django.utils import timezone

    entered.sponsor.email_confirmed_at = timezone.now()
    entered.sponsor.save()
    staff_client.post(step_url(entered, "send_confirmation"))
    assert mail.outbox == []
