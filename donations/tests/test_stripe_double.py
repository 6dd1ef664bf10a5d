"""The Stripe double sends exactly what Stripe sends at our pinned API version: Stripe's own
published examples of its objects (stripe_fixtures/), with values changed and no field added."""

import pytest

from conftest import (
    assert_stripe_shape,
    charge,
    completed_session,
    dispute,
    invoice,
    make_donation,
    shape_errors,
    stripe_event,
    subscription,
)
from donations import services
from donations.models import Frequency

pytestmark = pytest.mark.django_db


def webhook_payloads():
    once = make_donation()
    monthly = make_donation(frequency=Frequency.MONTHLY)
    return [
        stripe_event("checkout.session.completed", completed_session(once)),
        stripe_event("checkout.session.completed", completed_session(monthly)),
        stripe_event("invoice.paid", invoice("in_1", "subscription_create")),
        stripe_event("invoice.paid", invoice("in_2", "subscription_cycle")),
        stripe_event("invoice.payment_failed", invoice("in_3", "subscription_cycle")),
        stripe_event("invoice.paid", invoice("in_4", "manual", subscription=None)),
        stripe_event("customer.subscription.deleted", subscription(donation_id=monthly.uuid)),
        stripe_event("charge.refunded", charge()),
        stripe_event("charge.refunded", charge(amount_refunded=1000, refunded=False)),
        stripe_event("charge.dispute.created", dispute()),
    ]


def test_every_webhook_payload_of_the_double_has_only_fields_stripe_sends(stripe_api):
    for event in webhook_payloads():
        assert_stripe_shape(event)


def test_every_api_answer_of_the_double_has_only_fields_stripe_sends(stripe_api):
    once = make_donation(frequency=Frequency.ONCE)
    monthly = make_donation(frequency=Frequency.MONTHLY, stripe_customer_id="cus_test_1")
    stripe_api.pay_invoice("in_2", "pi_in_2")
    services.create_checkout_session(once)
    services.create_checkout_session(monthly)
    services.create_portal_session(monthly, "fr")
    services.invoices_paid_by("pi_in_2")
    assert [request.path for request in stripe_api.requests] == [
        "/v1/checkout/sessions",
        "/v1/checkout/sessions",
        "/v1/billing_portal/sessions",
        "/v1/invoice_payments",
    ]
    assert len(stripe_api.answers) == 4
    for answer in stripe_api.answers:
        assert_stripe_shape(answer)


def test_shape_check_refuses_a_field_stripe_does_not_send_at_any_depth():
    assert shape_errors({"object": "invoice", "id": "in_1", "payments": {}}) == [
        "$.payments: Stripe sends no such field"
    ]
    nested = {"object": "checkout.session", "customer_details": {"invoice": "in_1"}}
    assert shape_errors(nested) == ["$.customer_details.invoice: Stripe sends no such field"]
    event = {"object": "event", "data": {"object": {"object": "charge", "invoice": "in_1"}}}
    assert shape_errors(event) == ["$.data.object.invoice: Stripe sends no such field"]


def test_metadata_holds_our_keys_not_stripes():
    assert shape_errors({"object": "checkout.session", "metadata": {"donation_id": "x"}}) == []
