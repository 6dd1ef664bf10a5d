"""Finance reads money as money: units not cents, totals net of refunds by the month the money
arrived, Stripe's objects one click away, monthly donors at a glance, a receipt sent again."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from common.models import TrailEntry
from conftest import (
    charge,
    completed_session,
    deliver,
    invoice,
    make_donation,
    signed_in,
    stripe_event,
)
from donations.models import Currency, Donation, DonationStatus, Frequency

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/donations/donation/"
RECURRING = CHANGELIST + "recurring/"


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


OCTOBER = (local(2026, 10, 1), local(2026, 11, 1))
NOVEMBER = (local(2026, 11, 1), local(2026, 12, 1))


@pytest.fixture
def across_a_month_boundary():
    """Made in October, paid either side of midnight on 31 October, refunded later."""
    made = local(2026, 10, 31, 22)
    paid = DonationStatus.PAID
    return [
        # Paid late on 31 October, refunded in part in November: October keeps 40 of 50.
        make_donation(
            amount=5000,
            created_at=made,
            status=paid,
            paid_at=local(2026, 10, 31, 23, 30),
            amount_refunded=1000,
        ),
        # Paid in October, refunded in full: October keeps its line, at nothing.
        make_donation(
            amount=3000,
            created_at=local(2026, 10, 15),
            paid_at=local(2026, 10, 15),
            status=DonationStatus.REFUNDED,
            amount_refunded=3000,
        ),
        # Created in October, paid after midnight: November's.
        make_donation(amount=2000, created_at=made, status=paid, paid_at=local(2026, 11, 1, 0, 30)),
        make_donation(amount=7000, currency=Currency.USD, status=paid, paid_at=local(2026, 11, 2)),
        # Never paid: counts nowhere.
        make_donation(amount=9900, status=DonationStatus.PENDING, created_at=made),
        make_donation(amount=9900, status=DonationStatus.FAILED, created_at=made),
    ]


def paid(**fields):
    return make_donation(status=DonationStatus.PAID, paid_at=timezone.now(), **fields)


def test_totals_are_net_of_partial_and_full_refunds_by_payment_date(across_a_month_boundary):
    assert Donation.objects.net_by_currency(*OCTOBER) == {"EUR": 4000}
    assert Donation.objects.net_by_currency(*NOVEMBER) == {"EUR": 2000, "USD": 7000}
    months = {(r["month"].month, r["currency"]): r for r in Donation.objects.net_by_month()}
    assert set(months) == {(10, "EUR"), (11, "EUR"), (11, "USD")}
    october = months[(10, "EUR")]
    assert (october["count"], october["gross"], october["refunded"], october["net"]) == (
        2,
        8000,
        4000,
        4000,
    )


def test_a_month_whose_only_payment_was_refunded_stays_at_its_net(db):
    make_donation(paid_at=local(2026, 9, 10), status=DonationStatus.REFUNDED, amount_refunded=5000)
    [september] = Donation.objects.net_by_month()
    assert (september["month"].month, september["net"]) == (9, 0)


def test_finance_reads_the_monthly_table_in_units_in_their_language(client, finance):
    make_donation(
        status=DonationStatus.PAID,
        paid_at=local(2026, 10, 31, 23, 30),
        amount=123456,
        amount_refunded=1000,
    )
    signed_in(finance, client)
    text = client.get(CHANGELIST).text
    assert "net of refunds" in text
    assert "October 2026" in text
    assert "€1,234.56" in text and "€1,224.56" in text and "€10.00" in text
    assert "123456" not in text
    french = client.get(CHANGELIST.replace("/en/", "/fr/")).text
    assert "1\u202f224,56\u00a0€" in french


def test_the_detail_page_shows_units_not_cents_and_links_to_stripe_in_test_mode(
    client, finance, settings
):
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    donation = make_donation(
        amount=5000,
        amount_refunded=1250,
        status=DonationStatus.PAID,
        paid_at=timezone.now(),
        frequency=Frequency.MONTHLY,
        stripe_checkout_session_id="cs_test_a1",
        stripe_payment_intent_id="pi_3Abc",
        stripe_customer_id="cus_Abc",
        stripe_subscription_id="sub_Abc",
        stripe_invoice_id="in_Abc",
    )
    signed_in(finance, client)
    text = client.get(f"{CHANGELIST}{donation.pk}/change/").text
    assert "€50.00" in text and "€12.50" in text and "€37.50" in text
    assert "5000" not in text.replace(str(donation.uuid), "")
    for url in [
        "https://dashboard.stripe.com/test/payments/pi_3Abc",
        "https://dashboard.stripe.com/test/customers/cus_Abc",
        "https://dashboard.stripe.com/test/subscriptions/sub_Abc",
        "https://dashboard.stripe.com/test/invoices/in_Abc",
        "https://dashboard.stripe.com/test/checkout/sessions/cs_test_a1",
    ]:
        assert f'href="{url}"' in text


def test_links_leave_test_mode_only_with_a_live_key(client, finance, settings):
    settings.STRIPE_SECRET_KEY = "sk_live_libertas"
    donation = make_donation(
        stripe_payment_intent_id="pi_live", stripe_checkout_session_id="demo_cs"
    )
    signed_in(finance, client)
    text = client.get(f"{CHANGELIST}{donation.pk}/change/").text
    assert 'href="https://dashboard.stripe.com/payments/pi_live"' in text
    # The demo's ids are not Stripe's: shown, never linked.
    assert "demo_cs" in text and "sessions/demo_cs" not in text


def test_a_webhook_refund_updates_the_net(client, stripe_api):
    donation = make_donation()
    deliver(client, stripe_event("checkout.session.completed", completed_session(donation)))
    month = (timezone.now() - datetime.timedelta(days=40), timezone.now() + datetime.timedelta(1))
    assert Donation.objects.net_by_currency(*month) == {"EUR": 5000}
    response = deliver(
        client, stripe_event("charge.refunded", charge(amount_refunded=1500, refunded=False))
    )
    assert response.status_code == 200
    assert Donation.objects.net_by_currency(*month) == {"EUR": 3500}
    deliver(client, stripe_event("charge.refunded", charge()))
    assert Donation.objects.net_by_currency(*month) == {"EUR": 0}


def test_a_renewal_counts_in_the_month_stripe_collected_it(
    client, stripe_api, django_capture_on_commit_callbacks
):
    monthly = make_donation(frequency=Frequency.MONTHLY, amount=2000)
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, stripe_event("checkout.session.completed", completed_session(monthly)))
        renewal = invoice("in_2", "subscription_cycle")
        renewal["status_transitions"]["paid_at"] = int(local(2026, 11, 30, 23, 59).timestamp())
        deliver(client, stripe_event("invoice.paid", renewal))
    assert Donation.objects.get(stripe_invoice_id="in_2").paid_at == local(2026, 11, 30, 23, 59)
    assert Donation.objects.net_by_currency(*NOVEMBER) == {"EUR": 2000}


def test_resending_a_receipt_sends_one_email_and_leaves_a_trail(client, finance):
    donation = paid(donor_email="anna@example.org")
    pending = make_donation(donor_email="pending@example.org")
    signed_in(finance, client)
    response = client.post(
        CHANGELIST,
        {"action": "resend_receipt", "_selected_action": [donation.pk, pending.pk]},
        follow=True,
    )
    [receipt] = mail.outbox
    assert receipt.to == ["anna@example.org"]
    assert "€50.00" in receipt.body
    [entry] = TrailEntry.objects.filter(action="resend_receipt")
    assert (entry.actor, entry.object_id) == (finance, str(donation.pk))
    assert "anna" not in entry.object_repr
    assert "1 donation is not paid" in response.text


def test_a_receipt_is_refused_for_a_donation_that_is_not_paid(client, finance):
    refunded = make_donation(status=DonationStatus.REFUNDED, paid_at=timezone.now())
    signed_in(finance, client)
    client.post(CHANGELIST, {"action": "resend_receipt", "_selected_action": [refunded.pk]})
    assert mail.outbox == []
    assert not TrailEntry.objects.filter(action="resend_receipt").exists()


def monthly_gift(number, amount, currency=Currency.EUR, ended=None, **fields):
    return make_donation(
        frequency=Frequency.MONTHLY,
        amount=amount,
        currency=currency,
        status=DonationStatus.PAID,
        paid_at=timezone.now(),
        stripe_customer_id=f"cus_{number}",
        stripe_subscription_id=f"sub_{number}",
        subscription_ended_at=ended,
        donor_name=f"Monthly Donor {number}",
        **fields,
    )


def test_active_monthly_donors_and_their_income_per_currency(db):
    monthly_gift(1, 2000)
    monthly_gift(2, 1500)
    monthly_gift(3, 1000, Currency.USD)
    monthly_gift(4, 9900, ended=timezone.now())
    # A renewal is a donation of its own, not another donor.
    make_donation(
        frequency=Frequency.MONTHLY,
        amount=2000,
        status=DonationStatus.PAID,
        paid_at=timezone.now(),
        stripe_subscription_id="sub_1",
        stripe_checkout_session_id=None,
        stripe_invoice_id="in_renewal",
    )
    # Started Checkout, never paid: not a donor yet.
    make_donation(frequency=Frequency.MONTHLY, stripe_subscription_id="sub_5")
    assert Donation.objects.active_monthly().count() == 3
    assert Donation.objects.cancelled_monthly().count() == 1
    assert Donation.objects.monthly_income_by_currency() == {"EUR": (2, 3500), "USD": (1, 1000)}


def test_finance_sees_the_monthly_donors_page_from_the_donations_list(client, finance, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    monthly_gift(1, 2000)
    monthly_gift(2, 1500, ended=timezone.now())
    signed_in(finance, client)
    assert 'href="/en/admin/donations/donation/recurring/"' in client.get(CHANGELIST).text
    response = client.get(RECURRING)
    assert response.status_code == 200
    text = response.text
    assert "1 active monthly donor" in text
    assert "1 cancelled monthly gift" in text
    assert "Monthly Donor 1" in text and "Monthly Donor 2" in text
    assert "€20.00" in text
    assert 'href="https://dashboard.stripe.com/test/subscriptions/sub_1"' in text


def test_editors_get_403_on_the_monthly_donors_page(client, editor):
    monthly_gift(1, 2000)
    signed_in(editor, client)
    response = client.get(RECURRING)
    assert response.status_code == 403
    assert "Monthly Donor" not in response.text


def test_the_export_gives_the_net_in_units(client, finance):
    donation = paid(amount=5000, amount_refunded=1250)
    signed_in(finance, client)
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [donation.pk]})
    header, row = b"".join(response.streaming_content).decode().splitlines()[:2]
    values = dict(zip(header.split(","), row.split(","), strict=True))
    assert (values["amount"], values["amount_refunded"], values["net"]) == (
        "50.00",
        "12.50",
        "37.50",
    )


def test_the_amount_filter_speaks_in_units(client, finance):
    paid(amount=1500, donor_email="small@example.org")
    paid(amount=15000, donor_email="large@example.org")
    signed_in(finance, client)
    text = client.get(CHANGELIST + "?amount=small").text
    assert "small@example.org" in text and "large@example.org" not in text
    assert "less than 20" in text


def test_the_backfill_gives_older_received_donations_a_payment_date_and_full_refunds(db):
    from importlib import import_module

    from django.apps import apps

    made = local(2026, 9, 30, 23)
    paid_without_date = make_donation(status=DonationStatus.PAID, created_at=made)
    refunded_without_amount = make_donation(
        status=DonationStatus.REFUNDED, paid_at=made, amount=3000
    )
    pending = make_donation(created_at=made)
    import_module("donations.migrations.0006_backfill_paid_at_and_refunds").backfill(apps, None)
    for donation in (paid_without_date, refunded_without_amount, pending):
        donation.refresh_from_db()
    assert paid_without_date.paid_at == made
    assert refunded_without_amount.amount_refunded == 3000
    assert pending.paid_at is None
    assert Donation.objects.net_by_currency(local(2026, 9, 1), OCTOBER[0]) == {"EUR": 5000}
