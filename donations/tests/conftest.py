"""Test doubles for Stripe's HTTP layer, and webhook events signed with Stripe's scheme."""

import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import pytest
import stripe
from django.core.cache import cache

from donations import services
from donations.models import Currency, Donation, Frequency

WEBHOOK_SECRET = "whsec_test_secret"
WEBHOOK_URL = "/stripe/webhook/"
_ids = itertools.count(1)


@dataclass
class Recorded:
    method: str
    url: str
    headers: dict
    params: dict = field(default_factory=dict)

    @property
    def path(self):
        return urlsplit(self.url).path


class RecordingStripe(stripe.HTTPClient):
    """Stands in for the network: records each request, answers like Stripe's API."""

    name = "recording"

    def __init__(self):
        super().__init__()
        self.requests = []

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        params = dict(parse_qsl(post_data or ""))
        self.requests.append(Recorded(method, url, dict(headers or {}), params))
        path = urlsplit(url).path
        if path == "/v1/checkout/sessions":
            number = next(_ids)
            body = {
                "id": f"cs_test_{number}",
                "object": "checkout.session",
                "mode": params.get("mode"),
                "status": "open",
                "payment_status": "unpaid",
                "url": f"https://checkout.stripe.com/c/pay/cs_test_{number}",
                "client_reference_id": params.get("client_reference_id"),
                "metadata": {"donation_id": params.get("metadata[donation_id]")},
            }
        elif path == "/v1/billing_portal/sessions":
            body = {
                "id": "bps_test_1",
                "object": "billing_portal.session",
                "customer": params.get("customer"),
                "url": "https://billing.stripe.com/p/session/test_1",
            }
        else:
            error = {"error": {"type": "invalid_request_error", "message": "Unrecognized"}}
            return json.dumps(error), 404, {"request-id": "req_test"}
        return json.dumps(body), 200, {"request-id": "req_test"}

    def close(self):
        pass


@pytest.fixture(autouse=True)
def fresh_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def stripe_api(settings, monkeypatch):
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.SITE_URL = "https://libertas.example.org"
    fake = RecordingStripe()
    monkeypatch.setattr(services, "http_client", fake)
    return fake


def sign(payload, secret=WEBHOOK_SECRET, timestamp=None):
    """The Stripe-Signature header, computed by hand as Stripe documents it."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(
        secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={digest}"


def make_event(type_, obj, event_id=None):
    return {
        "id": event_id or f"evt_test_{next(_ids)}",
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": type_,
        "data": {"object": obj},
    }


def deliver(client, event, secret=WEBHOOK_SECRET, timestamp=None, signature=None):
    payload = json.dumps(event)
    headers = {}
    if signature is None:
        signature = sign(payload, secret, timestamp)
    if signature:
        headers["HTTP_STRIPE_SIGNATURE"] = signature
    return client.post(WEBHOOK_URL, payload, content_type="application/json", **headers)


def make_donation(**fields):
    number = next(_ids)
    values = {
        "amount": 5000,
        "currency": Currency.EUR,
        "frequency": Frequency.ONCE,
        "donor_name": "Nare Sample",
        "donor_email": "nare@example.org",
        "language": "en",
        "stripe_checkout_session_id": f"cs_test_{number}",
    }
    values.update(fields)
    return Donation.objects.create(**values)


def completed_session(donation, **fields):
    monthly = donation.frequency == Frequency.MONTHLY
    session = {
        "id": donation.stripe_checkout_session_id,
        "object": "checkout.session",
        "client_reference_id": str(donation.uuid),
        "metadata": {"donation_id": str(donation.uuid)},
        "mode": "subscription" if monthly else "payment",
        "status": "complete",
        "payment_status": "paid",
        "amount_total": donation.amount,
        "currency": donation.currency.lower(),
        "customer": "cus_test_1" if monthly else None,
        "customer_details": {"email": donation.donor_email},
        "payment_intent": None if monthly else "pi_test_1",
        "subscription": "sub_test_1" if monthly else None,
    }
    session.update(fields)
    return session


def invoice(invoice_id, billing_reason, subscription="sub_test_1", amount=2000, currency="eur"):
    return {
        "id": invoice_id,
        "object": "invoice",
        "billing_reason": billing_reason,
        "amount_paid": amount,
        "amount_due": amount,
        "currency": currency,
        "customer": "cus_test_1",
        "status": "paid",
        "parent": {
            "type": "subscription_details",
            "subscription_details": {"subscription": subscription, "metadata": {}},
        },
        "payments": {
            "object": "list",
            "data": [{"payment": {"type": "payment_intent", "payment_intent": f"pi_{invoice_id}"}}],
        },
    }
