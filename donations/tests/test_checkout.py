"""The donate form creates one Stripe Checkout session per submission."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from conftest import make_detainee, make_donation
from donations import services
from donations.models import Donation, DonationStatus
from prisoners.models import Category, Detainee, Visibility

VALID = {
    "amount_choice": "50",
    "custom_amount": "",
    "currency": "EUR",
    "frequency": "ONCE",
    "donor_name": "Nare Sample",
    "donor_email": "nare@example.org",
}


def donate_url(language="en"):
    with translation.override(language):
        return reverse("donations:donate")


@pytest.mark.parametrize(
    ("frequency", "currency", "mode"),
    [
        ("ONCE", "EUR", "payment"),
        ("ONCE", "USD", "payment"),
        ("MONTHLY", "EUR", "subscription"),
        ("MONTHLY", "USD", "subscription"),
    ],
)
def test_submission_creates_one_checkout_session_with_what_we_promise(
    client, db, stripe_api, frequency, currency, mode
):
    data = {**VALID, "frequency": frequency, "currency": currency}
    response = client.post(donate_url("fr"), data)

    donation = Donation.objects.get()
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"https://checkout.stripe.com/c/pay/{donation.stripe_checkout_session_id}"
    )
    assert donation.status == DonationStatus.PENDING
    assert donation.amount == 5000
    assert donation.language == "fr"

    [request] = stripe_api.requests
    assert request.method == "post"
    assert request.url == "https://api.stripe.com/v1/checkout/sessions"
    assert request.headers["Idempotency-Key"] == f"checkout-{donation.uuid}"
    assert request.headers["Stripe-Version"] == "2026-10-28.endive"
    assert request.headers["Authorization"] == "Bearer sk_test_libertas"
    sent = request.params
    assert sent["mode"] == mode
    assert sent["line_items[0][quantity]"] == "1"
    assert sent["line_items[0][price_data][currency]"] == currency.lower()
    assert sent["line_items[0][price_data][unit_amount]"] == "5000"
    assert "Centre Covcas" in sent["line_items[0][price_data][product_data][name]"]
    assert sent["client_reference_id"] == str(donation.uuid)
    assert sent["metadata[donation_id]"] == str(donation.uuid)
    assert sent["customer_email"] == "nare@example.org"
    assert sent["locale"] == "fr"
    assert sent["success_url"] == "https://libertas.example.org/fr/donate/thanks/"
    assert sent["cancel_url"] == "https://libertas.example.org/fr/donate/canceled/"
    if mode == "subscription":
        assert sent["line_items[0][price_data][recurring][interval]"] == "month"
        assert sent["subscription_data[metadata][donation_id]"] == str(donation.uuid)
        assert "payment_intent_data[metadata][donation_id]" not in sent
    else:
        assert "line_items[0][price_data][recurring][interval]" not in sent
        assert sent["payment_intent_data[metadata][donation_id]"] == str(donation.uuid)
        assert sent["submit_type"] == "donate"


def test_armenian_page_lets_stripe_choose_the_language(client, db, stripe_api):
    client.post(donate_url("hy"), VALID)
    sent = stripe_api.requests[0].params
    assert sent["locale"] == "auto"
    assert sent["success_url"] == "https://libertas.example.org/hy/donate/thanks/"


def test_two_submissions_make_two_sessions_with_different_keys(client, db, stripe_api):
    client.post(donate_url(), VALID)
    client.post(donate_url(), VALID)
    keys = {r.headers["Idempotency-Key"] for r in stripe_api.requests}
    assert len(keys) == 2
    assert Donation.objects.count() == 2


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("5", 500), ("12,34", 1234), ("12.34", 1234), ("0010000", 1000000), ("19.99", 1999)],
)
def test_custom_amount_is_exact_to_the_cent(client, db, stripe_api, typed, cents):
    client.post(donate_url(), {**VALID, "amount_choice": "other", "custom_amount": typed})
    assert Donation.objects.get().amount == cents
    assert stripe_api.requests[0].params["line_items[0][price_data][unit_amount]"] == str(cents)


@pytest.mark.parametrize("currency", ["EUR", "USD"])
@pytest.mark.parametrize("typed", ["4.99", "10000.01", "250000"])
def test_amount_outside_the_bounds_is_refused_with_a_clear_message(
    client, db, stripe_api, currency, typed
):
    data = {**VALID, "currency": currency, "amount_choice": "other", "custom_amount": typed}
    response = client.post(donate_url(), data)
    assert response.status_code == 200
    symbol = "€" if currency == "EUR" else "$"
    assert f"Online gifts must be between {symbol}5.00 and {symbol}10,000.00." in response.text
    assert not Donation.objects.exists()
    assert stripe_api.requests == []


@pytest.mark.parametrize("typed", ["12.345", "abc", "1e3", "NaN", "-5", "1,000.50"])
def test_malformed_amount_is_refused(client, db, stripe_api, typed):
    response = client.post(
        donate_url(), {**VALID, "amount_choice": "other", "custom_amount": typed}
    )
    assert response.status_code == 200
    assert not Donation.objects.exists()


def test_bounds_message_is_translated(client, db, stripe_api):
    data = {**VALID, "amount_choice": "other", "custom_amount": "2"}
    response = client.post(donate_url("fr"), data)
    assert (
        "Les dons en ligne doivent être compris entre 5,00\u00a0€ et 10\u202f000,00\u00a0€."
        in response.text
    )


def test_form_keeps_what_was_typed_on_error(client, db, stripe_api):
    data = {
        **VALID,
        "amount_choice": "other",
        "custom_amount": "3",
        "donor_email": "not-an-address",
    }
    response = client.post(donate_url(), data)
    assert 'value="3"' in response.text
    assert 'value="Nare Sample"' in response.text
    assert 'value="not-an-address"' in response.text


def test_honeypot_creates_nothing(client, db, stripe_api):
    response = client.post(donate_url(), {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert response["Location"] == reverse("donations:thanks")
    assert not Donation.objects.exists()
    assert stripe_api.requests == []


def test_too_many_attempts_from_one_address_get_a_translated_429(client, db, stripe_api):
    for _ in range(10):
        assert client.post(donate_url(), VALID).status_code == 302
    response = client.post(donate_url("fr"), VALID)
    assert response.status_code == 429
    assert "Trop de tentatives" in response.text
    assert Donation.objects.count() == 10
    # Another address is not affected.
    other = client.post(donate_url(), VALID, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_only_public_detainees_are_offered_for_a_dedication(
    client, db, stripe_api, django_assert_max_num_queries
):
    public = Detainee.objects.create(
        slug="sample-public",
        name="Sample Public",
        category=Category.POW,
        visibility=Visibility.PUBLIC,
    )
    Detainee.objects.create(
        slug="sample-limited",
        name="Limited Person",
        category=Category.POW,
        visibility=Visibility.LIMITED,
    )
    Detainee.objects.create(
        slug="sample-hidden",
        name="Hidden Person",
        category=Category.POW,
        visibility=Visibility.HIDDEN,
    )
    # The visitor comes from a profile's "Donate in their name" link.
    for detainee in Detainee.objects.all():
        with django_assert_max_num_queries(10):
            response = client.get(f"{donate_url()}?dedicated_to={detainee.pk}")
        assert ("Sample Public" in response.text) == (detainee == public)
        assert "Hidden Person" not in response.text
        assert "Limited Person" not in response.text

    client.post(donate_url(), {**VALID, "dedicated_to": public.pk})
    assert Donation.objects.get().dedicated_to == public


def test_a_hidden_detainee_cannot_be_chosen_by_posting_its_id(client, db, stripe_api):
    hidden = Detainee.objects.create(
        slug="sample-hidden",
        name="Hidden Person",
        category=Category.POW,
        visibility=Visibility.HIDDEN,
    )
    response = client.post(donate_url(), {**VALID, "dedicated_to": hidden.pk})
    assert response.status_code == 200
    assert not Donation.objects.exists()


def test_donate_page_names_the_covcas_center_in_every_language(client, db, stripe_api):
    assert "Covcas Center for Law and Conflict Resolution" in client.get(donate_url()).text
    assert "Centre Covcas" in client.get(donate_url("fr")).text
    assert "Կովկաս" in client.get(donate_url("hy")).text


def test_without_a_secret_key_the_page_says_online_giving_is_not_configured(client, db, settings):
    settings.STRIPE_SECRET_KEY = ""
    response = client.get(donate_url())
    assert response.status_code == 200
    assert "Online giving is not configured" in response.text
    assert '<form method="post"' not in response.text
    response = client.post(donate_url(), VALID)
    assert not Donation.objects.exists()


def test_thank_you_page_claims_nothing_only_the_webhook_knows(client, db):
    with translation.override("en"):
        response = client.get(reverse("donations:thanks"))
    assert "We will e-mail your receipt when the payment is confirmed." in response.text
    assert "successful" not in response.text.lower()


def test_stripe_outage_keeps_the_form_and_says_so(client, db, stripe_api, monkeypatch):
    def fail(*args, **kwargs):
        return '{"error": {"type": "api_error", "message": "down"}}', 500, {}

    monkeypatch.setattr(stripe_api, "request", fail)
    monkeypatch.setattr(stripe_api, "_sleep_time_seconds", lambda *a, **k: 0, raising=False)
    response = client.post(donate_url(), VALID)
    assert response.status_code == 502
    assert "Nothing was charged" in response.text
    assert 'value="Nare Sample"' in response.text


@pytest.mark.parametrize("visibility", [Visibility.HIDDEN, Visibility.LIMITED])
def test_a_receipt_never_names_a_record_hidden_after_the_gift(db, visibility):
    # A monthly gift renews after staff hid or limited the record it honours: every receipt
    # would otherwise repeat the full name.
    detainee = make_detainee(slug="gift-1", name_en="Vahagn Limitoyan")
    donation = make_donation(dedicated_to=detainee)
    Donation.objects.filter(pk=donation.pk).update(
        status=DonationStatus.PAID, paid_at=timezone.now()
    )
    Detainee.objects.filter(pk=detainee.pk).update(visibility=visibility)
    services.send_receipt(donation.pk)
    assert mail.outbox and "Limitoyan" not in mail.outbox[-1].body
