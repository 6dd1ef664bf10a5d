"""Fixtures shared by every app's tests, in one place.

Named people, as in healthchecks' tests, so a test reads as a story; staff signed in with the
second factor; records made to measure; Stripe's HTTP layer, faked. A test names a fixture as
an argument, or imports a helper from here (`from conftest import make_detainee`); it never
imports another app's tests (libertas/tests/test_test_layout.py checks).
"""

import copy
import csv
import datetime
import functools
import hashlib
import hmac
import io
import itertools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import stripe
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from donations import services
from donations.models import Currency, Donation, Frequency
from prisoners.models import Category, Detainee, Status, Visibility
from sponsorships.models import Sponsor, Sponsorship

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts and ends with empty caches: no page, rate-limit count or token from
    another."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def starts_in_english():
    """Each test starts in English: a language a previous test activated (a view's, a
    reverse() inside an override left open) must not leak into the next one's URLs."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test keeps its private files (originals, agreements) in a folder of its own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def demo_data(db):
    call_command("load_demo", verbosity=0)


# People ---------------------------------------------------------------------------------------


def make_user(email, **extra):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_staff(email, group):
    """A staff member in one of the groups the migrations create (least privilege)."""
    user = make_user(email, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def alice(db):
    """A staff member with every permission."""
    return make_user("alice@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def bob(db):
    """A visitor with an account and no staff rights."""
    return make_user("bob@example.org")


@pytest.fixture
def editor(db):
    """Edits the registry and the campaign's content; never sees donors."""
    return make_staff("editor@example.org", "Editors")


@pytest.fixture
def finance(db):
    """Keeps the accounts: donations, not profiles."""
    return make_staff("finance@example.org", "Finance")


@pytest.fixture
def privacy(db):
    """Exports and erases personal data on request."""
    return make_staff("privacy@example.org", "Privacy")


# Signing in -----------------------------------------------------------------------------------


def current_code(secret):
    """The TOTP code an authenticator app shows now for `secret`.

    Never one in the last seconds of its period: by the time the request is handled the
    server would be in the next period and refuse it, and the test would fail by chance.
    """
    period = mfa_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:
        time.sleep(left + 0.1)
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def sign_in(client, user):
    """The password step of the sign-in; staff still owe their second factor after it."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def add_second_factor(user):
    """Give `user` a TOTP authenticator, as an invitation does; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def signed_in(user, client=None):
    """A client signed in as `user` with a password and a TOTP code, as the admin requires."""
    client = client or Client()
    secret = add_second_factor(user)
    sign_in(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    return client


@pytest.fixture
def staff_client(client, alice):
    """Alice, signed in with her password and a TOTP code, in the admin."""
    signed_in(alice, client)
    assert client.get("/en/admin/").status_code == 200
    return client


# Records --------------------------------------------------------------------------------------


# Media: a public folder per test, beside the private one, and real images.


@pytest.fixture
def media(settings, tmp_path, db):
    # A folder of its own: the private files sit beside it, as in production.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def put_photo(media_root, name="detainees/portrait.jpg"):
    """A real JPEG among the private uploads, for a record to point at.

    Uploads are private (only their renditions are published), so `media_root`, the test's
    public folder, only says that the test has set its folders up.
    """
    path = settings.PRIVATE_MEDIA_ROOT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes())
    return name


def image_bytes(fmt="JPEG", size=(600, 800), **save_options):
    out = io.BytesIO()
    Image.new("RGB", size, (120, 30, 30)).save(out, format=fmt, **save_options)
    return out.getvalue()


def make_detainee(slug="ani-karapetyan", name=None, **fields):
    """A public record of a civilian held since 2023; `name` sets the Latin-script names."""
    defaults = {
        "name_en": name or "Ani Karapetyan",
        "name_fr": name or "Ani Karapetian",
        "name_hy": "Անի Կարապետյան",
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "captured_on": datetime.date(2023, 9, 28),
    }
    defaults.update(fields)
    return Detainee.objects.create(slug=slug, **defaults)


def make_sponsor(name="Ville de Test", consent=True, user=None, **extra):
    """A sponsor; given a user, one approved for that account, as services.approve links it:
    the same address, confirmed through our link."""
    fields = {
        "kind": Sponsor.Kind.CITY,
        "country": "FR",
        "city": "Testville",
        "public_consent": consent,
        "contact_name": "Jeanne Contact",
        "email": f"{name.lower().replace(' ', '-')}@example.org",
        "user": user,
    }
    if user is not None:
        fields.update(email=user.email, email_confirmed_at=timezone.now())
    fields.update(extra)
    return Sponsor.objects.create(name=name, **fields)


def make_sponsorship(sponsor, detainee, status=Sponsorship.Status.ACTIVE, **extra):
    return Sponsorship.objects.create(sponsor=sponsor, detainee=detainee, status=status, **extra)


def signup_data(detainee, commitments, **extra):
    """What a city types in the public sponsorship form."""
    data = {
        "kind": "CITY",
        "name": "Ville de Valbrune",
        "country": "FR",
        "city": "Valbrune",
        "website": "https://valbrune.example.org",
        "public_consent": "on",
        "contact_name": "Jeanne Maire",
        "email": "mairie@valbrune.example.org",
        "phone": "+33 1 23 45 67 89",
        "target": str(detainee.pk) if detainee else "group",
        "commitments": [str(c.pk) for c in commitments[:2]],
    }
    data.update(extra)
    return data


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


# Stripe's HTTP layer, faked: what it answers, and webhook events signed with Stripe's scheme ----

WEBHOOK_SECRET = "whsec_test_secret"
WEBHOOK_URL = "/stripe/webhook/"
_ids = itertools.count(1)

# Stripe's own examples of its objects, copied verbatim from stripe/openapi's fixtures3.json.
# Every payload the double sends is one of them with values changed, never a field added.
FIXTURES = Path(__file__).parent / "donations" / "tests" / "stripe_fixtures"
# Maps whose keys are ours (what we put in metadata), not fields of Stripe's schema.
FREE_FORM = {"metadata"}


@functools.cache
def _fixture(kind):
    return json.loads((FIXTURES / f"{kind}.json").read_text())


def fixture(kind):
    """A fresh copy of Stripe's example of an object of this kind."""
    return copy.deepcopy(_fixture(kind))


def has_fixture(kind):
    return isinstance(kind, str) and (FIXTURES / f"{kind}.json").exists()


def shape_errors(value, template=None, path="$"):
    """The fields of `value` that Stripe's example has not, at any depth.

    A dict naming its `object` is compared with Stripe's example of that object; any other
    dict with what stands at the same place in the example around it.
    """
    if isinstance(value, list):
        item = template[0] if isinstance(template, list) and template else None
        return [e for i, v in enumerate(value) for e in shape_errors(v, item, f"{path}[{i}]")]
    if not isinstance(value, dict):
        return []
    kind = value.get("object")
    if has_fixture(kind):
        template = _fixture(kind)
    elif kind == "list" and not isinstance(template, dict):
        template = _fixture("invoice")["lines"]  # Stripe's list envelope
    if not isinstance(template, dict):
        return [f"{path}: Stripe sends no object here"]
    errors = [f"{path}.{key}: Stripe sends no such field" for key in value.keys() - template.keys()]
    for key in sorted((value.keys() & template.keys()) - FREE_FORM):
        errors += shape_errors(value[key], template[key], f"{path}.{key}")
    return errors


def assert_stripe_shape(value):
    __tracebackhide__ = True
    errors = shape_errors(value)
    assert not errors, "The Stripe double sends what Stripe does not:\n" + "\n".join(errors)


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
        self.answers = []
        # What Stripe knows and our webhook payloads do not say: which invoice a payment paid.
        self.invoice_payments = []  # (invoice id, payment intent id)
        self.refuse_with = None  # an HTTP status to answer every request with

    def pay_invoice(self, invoice_id, payment_intent_id):
        self.invoice_payments.append((invoice_id, payment_intent_id))

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        params = dict(parse_qsl(post_data or urlsplit(url).query))
        self.requests.append(Recorded(method, url, dict(headers or {}), params))
        path = urlsplit(url).path
        if self.refuse_with:
            error = {"error": {"type": "api_error", "message": "Refused by the test"}}
            return json.dumps(error), self.refuse_with, {"request-id": "req_test"}
        if path == "/v1/checkout/sessions":
            body = created_session(params)
        elif path == "/v1/billing_portal/sessions":
            body = stripe_object(
                "billing_portal.session",
                id="bps_test_1",
                customer=params.get("customer"),
                locale=params.get("locale"),
                return_url=params.get("return_url"),
                url="https://billing.stripe.com/p/session/test_1",
                flow=None,
                configuration="bpc_test_1",
            )
        elif path == "/v1/invoice_payments":
            body = self.list_invoice_payments(params)
        else:
            error = {"error": {"type": "invalid_request_error", "message": "Unrecognized"}}
            return json.dumps(error), 404, {"request-id": "req_test"}
        assert_stripe_shape(body)
        self.answers.append(body)
        return json.dumps(body), 200, {"request-id": "req_test"}

    def list_invoice_payments(self, params):
        """GET /v1/invoice_payments, filtered by invoice or by payment intent as Stripe does."""
        found = [
            invoice_payment(invoice_id)
            for invoice_id, intent in self.invoice_payments
            if params.get("invoice", invoice_id) == invoice_id
            and params.get("payment[payment_intent]", intent) == intent
        ]
        return stripe_list(found, "/v1/invoice_payments")

    def close(self):
        pass


@pytest.fixture
def stripe_http(settings, monkeypatch):
    """Stripe's HTTP layer replaced in this process, so in a live server's thread too."""
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    fake = RecordingStripe()
    monkeypatch.setattr(services, "http_client", fake)
    return fake


@pytest.fixture
def stripe_api(settings, stripe_http):
    """The faked Stripe, for a site at a fixed address."""
    settings.SITE_URL = "https://libertas.example.org"
    return stripe_http


def sign(payload, secret=WEBHOOK_SECRET, timestamp=None):
    """The Stripe-Signature header, computed by hand as Stripe documents it."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(
        secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={digest}"


def stripe_object(kind, **values):
    """Stripe's example of an object of this kind with some values changed, never a key added."""
    obj = fixture(kind)
    unknown = values.keys() - obj.keys()
    if unknown:
        raise KeyError(f"Stripe's {kind} has no field {sorted(unknown)}")
    obj.update(values)
    return obj


def stripe_list(data, url):
    return {"object": "list", "data": data, "has_more": False, "url": url}


def stripe_event(type_, obj, event_id=None):
    return stripe_object(
        "event",
        id=event_id or f"evt_test_{next(_ids)}",
        api_version=settings.STRIPE_API_VERSION,
        created=int(time.time()),
        livemode=False,
        pending_webhooks=1,
        type=type_,
        data={"object": obj},
    )


def deliver(client, event, secret=WEBHOOK_SECRET, timestamp=None, signature=None):
    assert_stripe_shape(event)
    payload = json.dumps(event)
    headers = {}
    if signature is None:
        signature = sign(payload, secret, timestamp)
    if signature:
        headers["HTTP_STRIPE_SIGNATURE"] = signature
    return client.post(WEBHOOK_URL, payload, content_type="application/json", **headers)


def created_session(params):
    """What Stripe answers to POST /v1/checkout/sessions."""
    number = next(_ids)
    return stripe_object(
        "checkout.session",
        id=f"cs_test_{number}",
        mode=params.get("mode"),
        status="open",
        payment_status="unpaid",
        url=f"https://checkout.stripe.com/c/pay/cs_test_{number}",
        client_reference_id=params.get("client_reference_id"),
        metadata={"donation_id": params.get("metadata[donation_id]")},
        customer_email=params.get("customer_email"),
        locale=params.get("locale"),
        submit_type=params.get("submit_type"),
        success_url=params.get("success_url"),
        cancel_url=params.get("cancel_url"),
        payment_intent=None,
        shipping_address_collection=None,
    )


def completed_session(donation, **fields):
    monthly = donation.frequency == Frequency.MONTHLY
    session = stripe_object(
        "checkout.session",
        id=donation.stripe_checkout_session_id,
        client_reference_id=str(donation.uuid),
        metadata={"donation_id": str(donation.uuid)},
        mode="subscription" if monthly else "payment",
        status="complete",
        payment_status="paid",
        amount_subtotal=donation.amount,
        amount_total=donation.amount,
        currency=donation.currency.lower(),
        customer="cus_test_1" if monthly else None,
        customer_email=donation.donor_email,
        payment_intent=None if monthly else "pi_test_1",
        subscription="sub_test_1" if monthly else None,
        shipping_address_collection=None,
    )
    session["customer_details"]["email"] = donation.donor_email
    session.update(fields)
    return session


def invoice(
    invoice_id,
    billing_reason,
    subscription="sub_test_1",
    amount=2000,
    currency="eur",
    donation_id=None,
):
    """An invoice as Stripe sends it at our API version: its subscription under `parent`, with
    the subscription's metadata; no payments and no payment intent."""
    return stripe_object(
        "invoice",
        id=invoice_id,
        billing_reason=billing_reason,
        amount_due=amount,
        amount_paid=amount,
        amount_remaining=0,
        attempted=True,
        attempt_count=1,
        currency=currency,
        customer="cus_test_1",
        status="paid",
        lines=stripe_list([], f"/v1/invoices/{invoice_id}/lines"),
        parent={
            "quote_details": None,
            "subscription_details": {
                "metadata": {"donation_id": str(donation_id)} if donation_id else {},
                "subscription": subscription,
            },
            "type": "subscription_details",
        },
    )


def invoice_payment(invoice_id):
    # Stripe's example of `payment` holds only its type: the double says no more than that.
    return stripe_object(
        "invoice_payment",
        id=f"inpay_test_{next(_ids)}",
        invoice=invoice_id,
        amount_paid=2000,
        amount_requested=2000,
        currency="eur",
        livemode=False,
        status="paid",
    )


def refund(payment_intent="pi_test_1", amount=5000, **fields):
    values = {"id": f"re_test_{next(_ids)}", "charge": "ch_test_1", "amount": amount}
    values.update(payment_intent=payment_intent, currency="eur", **fields)
    return stripe_object("refund", **values)


def charge(**fields):
    """A charge as Stripe sends it: with its payment intent, never its invoice."""
    values = {
        "id": "ch_test_1",
        "payment_intent": "pi_test_1",
        "amount": 5000,
        "amount_captured": 5000,
        "amount_refunded": 5000,
        "captured": True,
        "currency": "eur",
        "refunded": True,
    }
    values.update(fields)
    obj = stripe_object("charge", **values)
    if obj["amount_refunded"]:
        obj["refunds"]["data"] = [
            refund(obj["payment_intent"], obj["amount_refunded"], charge=obj["id"])
        ]
    return obj


def dispute(**fields):
    values = {
        "id": "dp_test_1",
        "charge": "ch_test_1",
        "payment_intent": "pi_test_1",
        "amount": 5000,
        "currency": "eur",
        "reason": "fraudulent",
        "status": "needs_response",
    }
    values.update(fields)
    return stripe_object("dispute", **values)


def subscription(subscription_id="sub_test_1", donation_id=None, **fields):
    values = {
        "id": subscription_id,
        "customer": "cus_test_1",
        "status": "canceled",
        "cancel_at_period_end": False,
        "metadata": {"donation_id": str(donation_id)} if donation_id else {},
        "pending_update": None,
    }
    values.update(fields)
    return stripe_object("subscription", **values)


def run_confirmed_action(client, changelist, action, rows, reason="Asked by letter"):
    """An admin action that asks first (common.actions): choose it on the list, see the
    question, confirm with a reason. Returns (question page, answer)."""
    selection = {"action": action, "_selected_action": [row.pk for row in rows]}
    question = client.post(changelist, selection)
    assert question.status_code == 200, question
    assert 'name="post" value="yes"' in question.content.decode()
    answer = client.post(changelist, {**selection, "post": "yes", "reason": reason})
    return question, answer


# Spreadsheets: a file uploaded to the admin's import, as staff do it -------------------------

CSV, XLSX = "0", "1"  # the index of each format in SpreadsheetAdmin.import_formats


def csv_file(rows, name="liste.csv"):
    """An upload of `rows` (a header, then lists of cells) as a UTF-8 CSV, as Excel saves it."""
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    return SimpleUploadedFile(name, text.getvalue().encode("utf-8-sig"), "text/csv")


def xlsx_file(rows, name="liste.xlsx"):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile(
        name, data.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def dry_run(client, url, upload, file_format=CSV, resource="0"):
    """Step one: upload the file; the answer shows every row's errors, saves nothing."""
    return client.post(url, {"import_file": upload, "format": file_format, "resource": resource})


def confirm(client, url, dry_run_response):
    """Step two: post the confirmation form the dry run offered."""
    form = dry_run_response.context["confirm_form"]
    return client.post(url, {name: form.initial.get(name) or "" for name in form.fields})


def export_form_data(form, **overrides):
    """What the export page posts when staff keep every column ticked."""
    data = {}
    for name, form_field in form.fields.items():
        initial = form.initial.get(name, form_field.initial)
        if initial is True:
            data[name] = "on"
        elif initial not in (None, False):
            data[name] = initial
    data.setdefault("format", "0")
    data.setdefault("resource", "0")
    data.update(overrides)
    return data


def download(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response):
    """The exported CSV as a list of dicts."""
    text = download(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))
