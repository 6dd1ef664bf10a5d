"""The staff overview (the admin's first page): what waits for each staff member, counted from
the records, by role, with a bounded number of queries."""

import datetime

import pytest
from django.utils import timezone

from campaign.models import Petition, SolidarityMessage
from conftest import make_detainee, make_donation, make_sponsor, make_sponsorship, signed_in
from donations.models import Currency, DonationStatus, Frequency, StripeEvent
from prisoners.models import CorrectionRequest, Status, TimelineEvent
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db


def figures(response):
    """{label: value} of every figure shown, as strings."""
    assert response.status_code == 200
    return {
        str(figure.label): str(figure.value)
        for section in response.context["overview"]
        for figure in section.figures
    }


def make_records():
    now = timezone.now()
    ani = make_detainee()
    aram = make_detainee(slug="aram-petrosyan", name="Aram Petrosyan")
    make_detainee(slug="released-one", name="Released One", status=Status.RELEASED)
    sponsor = make_sponsor()
    make_sponsorship(sponsor, ani, status=Sponsorship.Status.PENDING)
    old = make_sponsorship(sponsor, aram, status=Sponsorship.Status.PENDING)
    Sponsorship.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=20))
    make_sponsorship(make_sponsor("Other City"), aram, status=Sponsorship.Status.ACTIVE)
    CorrectionRequest.objects.create(detainee=ani, what_is_wrong="The date", email="r@example.org")
    CorrectionRequest.objects.create(
        detainee=ani, what_is_wrong="Old", email="s@example.org", handled=True
    )
    for status in [SolidarityMessage.Status.CONFIRMED, SolidarityMessage.Status.APPROVED]:
        SolidarityMessage.objects.create(
            detainee=ani, text="Courage", language="en", first_name="Lena", city="Lyon",
            email=f"{status.lower()}@example.org", status=status,
        )  # fmt: skip
    paid = {"status": DonationStatus.PAID, "paid_at": now}
    make_donation(amount=5000, currency=Currency.EUR, **paid)
    make_donation(amount=3000, currency=Currency.EUR, amount_refunded=1000, **paid)
    make_donation(
        amount=2000, currency=Currency.EUR, status=DonationStatus.REFUNDED,
        amount_refunded=2000, paid_at=now,
    )  # fmt: skip
    make_donation(amount=10000, currency=Currency.USD, **paid)
    make_donation(amount=7000, currency=Currency.USD, status=DonationStatus.PENDING)
    make_donation(
        amount=9900, currency=Currency.USD, paid_at=now - datetime.timedelta(days=40),
        status=DonationStatus.PAID,
    )  # fmt: skip
    # Two payments of one monthly gift: one donor. The renewal has no Checkout session.
    for invoice, session in [("in_1", "cs_monthly"), ("in_2", None)]:
        make_donation(
            amount=1000, currency=Currency.EUR, frequency=Frequency.MONTHLY,
            stripe_subscription_id="sub_1", stripe_invoice_id=invoice,
            stripe_checkout_session_id=session, **paid,
        )  # fmt: skip
    StripeEvent.objects.create(event_id="evt_1", type="charge.refunded", payload={}, error="boom")
    StripeEvent.objects.create(event_id="evt_2", type="charge.refunded", payload={})
    Petition.objects.create(
        title="Free them", text="…", addressees="UN", goal=10000, confirmed_count=1234
    )
    TimelineEvent.objects.create(
        detainee=ani, date=timezone.localdate() + datetime.timedelta(days=3), kind="HEARING"
    )
    TimelineEvent.objects.create(detainee=ani, date=datetime.date(2024, 1, 1), kind="HEARING")


def test_the_overview_counts_what_waits_from_the_records(alice, client):
    make_records()
    shown = figures(signed_in(alice, client).get("/en/admin/"))
    assert shown["Sponsorship requests waiting for a decision"] == "2"
    assert shown["of which waiting for more than 14 days"] == "1"
    assert shown["Correction requests not yet handled"] == "1"
    assert shown["Messages of solidarity waiting for moderation"] == "1"
    # EUR: 50 + (30 − 10) + 0 (refunded) + 2 × 10 monthly; USD: 100 (last month's 99 aside).
    assert shown["Donations this month, net of refunds (EUR)"] == "90.00"
    assert shown["Donations this month, net of refunds (USD)"] == "100.00"
    assert shown["Active monthly donors"] == "1"
    assert shown["Stripe events in error"] == "1"
    assert shown["Signatures of “Free them” against its goal"] == "1,234 of 10,000"
    # Ani is held with no active sponsor; Aram has one; the released one is not held.
    assert shown["Detainees held without an active sponsor"] == "1"
    assert shown["Upcoming hearings"] == "1"
    assert shown["E-mails that failed and wait to be retried"] == "0"


def test_each_figure_links_to_the_admin_list_it_counts(alice, client):
    make_records()
    staff = signed_in(alice, client)
    page = staff.get("/en/admin/")
    for section in page.context["overview"]:
        for figure in section.figures:
            for url in [figure.url, *(url for _text, url in figure.items)]:
                if url:
                    assert staff.get(url).status_code == 200, url
    stale = next(
        f for s in page.context["overview"] for f in s.figures if "14 days" in str(f.label)
    )
    assert len(staff.get(stale.url).context["cl"].result_list) == 1


def test_an_editor_sees_no_donation_figures(editor, client):
    make_records()
    shown = figures(signed_in(editor, client).get("/en/admin/"))
    assert shown["Sponsorship requests waiting for a decision"] == "2"
    assert not [label for label in shown if "onat" in label or "Stripe" in label]
    assert "E-mails that failed and wait to be retried" not in shown


def test_finance_sees_no_registry_or_moderation_counts(finance, client):
    make_records()
    shown = figures(signed_in(finance, client).get("/en/admin/"))
    assert shown["Active monthly donors"] == "1"
    for label in [
        "Correction requests not yet handled",
        "Messages of solidarity waiting for moderation",
        "Sponsorship requests waiting for a decision",
        "Detainees held without an active sponsor",
    ]:
        assert label not in shown


def test_technical_models_are_apart_and_for_superusers_only(alice, editor, client):
    page = signed_in(alice, client).get("/en/admin/")
    own = [app["app_label"] for app in page.context["app_list"]]
    technical = [app["app_label"] for app in page.context["technical_apps"]]
    assert own[0] == "prisoners" and "campaign" in own
    assert {"mailer", "sites", "auth", "common"} <= set(technical)
    assert not set(own) & {"mailer", "sites", "auth", "common", "mfa"}
    client.logout()
    page = signed_in(editor, client).get("/en/admin/")
    assert page.context["technical_apps"] == []
    assert "/admin/common/trailentry/" in page.content.decode()


def test_the_overview_runs_as_many_queries_with_more_records(alice, client):
    staff = signed_in(alice, client)
    make_records()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        staff.get("/en/admin/")
    for number in range(5):
        detainee = make_detainee(slug=f"more-{number}", name=f"More {number}")
        make_sponsorship(make_sponsor(f"City {number}"), detainee, Sponsorship.Status.PENDING)
        TimelineEvent.objects.create(detainee=detainee, date=timezone.localdate(), kind="HEARING")
        make_donation(amount=100, currency=Currency.EUR, status=DonationStatus.PAID,
                      paid_at=timezone.now())  # fmt: skip
    with CaptureQueriesContext(connection) as more:
        staff.get("/en/admin/")
    assert len(more) == len(few)
