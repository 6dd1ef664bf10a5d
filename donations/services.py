"""Stripe: Checkout sessions, the Customer Portal, webhook events and receipts.

The webhook is the only thing that marks a donation paid. Each event is stored once by its
id and handled in one transaction, so a repeat or a concurrent delivery changes nothing.
"""

import datetime
import logging
import uuid

import stripe
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from common import links, mail
from common.urls import absolute_url
from donations.models import Donation, DonationStatus, Frequency, GivingDetails, StripeEvent

logger = logging.getLogger(__name__)

BENEFICIARY = gettext_lazy("Covcas Center for Law and Conflict Resolution")
MANAGE_SALT = "donations.manage"
MANAGE_MAX_AGE = 60 * 60 * 24 * 30  # a manage link in a receipt works for 30 days

# Stripe Checkout and the Customer Portal have French; for Armenian they pick from the browser.
STRIPE_LOCALES = {"en": "en", "fr": "fr"}

# Replaced in tests by a recording double; None means stripe-python's default client.
http_client = None


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY)


def giving_is_possible():
    """Whether a visitor can give at all: online (Stripe keys set) or by transfer or cheque."""
    return is_configured() or GivingDetails.current().is_published


def may_give_in_name_of(detainee):
    """Whether a profile offers "donate in their name": a PUBLIC record (a dedication names
    the person) who may receive gifts (not the deceased), and a way to give."""
    if detainee.is_limited or not detainee.may_receive_gifts:
        return False
    return giving_is_possible()


def profile_donate_context(detainee):
    """The profile's "donate in their name" panel (registered in DonationsConfig.ready)."""
    return {"detainee": detainee, "offered": may_give_in_name_of(detainee)}


def client():
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=settings.STRIPE_API_VERSION,
        http_client=http_client,
        max_network_retries=2,
    )


def stripe_locale(language):
    return STRIPE_LOCALES.get(language, "auto")


# The Stripe dashboard ---------------------------------------------------------------------------

DASHBOARD = "https://dashboard.stripe.com/"
# Where the dashboard shows an object, by the prefix of its id.
DASHBOARD_PATHS = {
    "pi_": "payments/",
    "ch_": "payments/",
    "cus_": "customers/",
    "sub_": "subscriptions/",
    "in_": "invoices/",
    "cs_": "checkout/sessions/",
    "evt_": "events/",
}


def is_live():
    """Only a live key makes live links: with a test key, or none (the demo), the dashboard's
    test mode is the one that holds our objects."""
    return settings.STRIPE_SECRET_KEY.startswith(("sk_live_", "rk_live_"))


def dashboard_url(stripe_id, livemode=None):
    """The page of a Stripe object in the dashboard, or "" for an id Stripe did not make
    (the demo's "demo_…"). `livemode`, when an event says it, wins over the key."""
    live = is_live() if livemode is None else livemode
    for prefix, path in DASHBOARD_PATHS.items():
        if stripe_id and stripe_id.startswith(prefix):
            return f"{DASHBOARD}{'' if live else 'test/'}{path}{stripe_id}"
    return ""


# Checkout ------------------------------------------------------------------------------------


def create_checkout_session(donation):
    """Create the Stripe Checkout session for a new donation and remember its id.

    The idempotency key comes from the donation's uuid: a network retry cannot create a
    second session for the same donation.
    """
    reference = str(donation.uuid)
    with translation.override(donation.language):
        product_name = gettext("Donation to the Libertas campaign, received by the %(center)s") % {
            "center": str(BENEFICIARY)
        }
        price_data = {
            "currency": donation.currency.lower(),
            "unit_amount": donation.amount,
            "product_data": {"name": product_name},
        }
        params = {
            "line_items": [{"price_data": price_data, "quantity": 1}],
            "client_reference_id": reference,
            "metadata": {"donation_id": reference},
            "customer_email": donation.donor_email,
            "locale": stripe_locale(donation.language),
            "success_url": absolute_url("donations:thanks"),
            "cancel_url": absolute_url("donations:canceled"),
        }
        if donation.frequency == Frequency.MONTHLY:
            price_data["recurring"] = {"interval": "month"}
            params["mode"] = "subscription"
            params["subscription_data"] = {"metadata": {"donation_id": reference}}
        else:
            params["mode"] = "payment"
            params["submit_type"] = "donate"
            params["payment_intent_data"] = {"metadata": {"donation_id": reference}}
    session = client().v1.checkout.sessions.create(
        params=params, options={"idempotency_key": f"checkout-{reference}"}
    )
    donation.stripe_checkout_session_id = session.id
    donation.save(update_fields=["stripe_checkout_session_id", "updated_at"])
    return session.url


# The Customer Portal ----------------------------------------------------------------------------


def manage_token(donation):
    return links.make_token(MANAGE_SALT, str(donation.uuid))


def donation_from_manage_token(token):
    """The monthly donation a token names, or None when it is forged, expired or unknown."""
    try:
        reference = links.read_token(MANAGE_SALT, token, max_age=MANAGE_MAX_AGE)
    except links.InvalidLink:
        return None
    return (
        Donation.objects.filter(uuid=reference, frequency=Frequency.MONTHLY)
        .exclude(stripe_customer_id="")
        .first()
    )


def create_portal_session(donation, language):
    with translation.override(language):
        return_url = absolute_url("donations:donate")
    session = client().v1.billing_portal.sessions.create(
        params={
            "customer": donation.stripe_customer_id,
            "locale": stripe_locale(language),
            "return_url": return_url,
        }
    )
    return session.url


# Receipts ---------------------------------------------------------------------------------------


def send_receipt(donation_pk):
    donation = Donation.objects.select_related("dedicated_to").get(pk=donation_pk)
    with translation.override(donation.language):
        context = {"donation": donation, "beneficiary": str(BENEFICIARY)}
        if donation.is_monthly and donation.stripe_customer_id:
            context["manage_url"] = absolute_url("donations:manage", manage_token(donation))
            context["manage_days"] = MANAGE_MAX_AGE // (60 * 60 * 24)
    mail.send(donation.donor_email, "donations/email/receipt", context, language=donation.language)


def resend_receipt(donation):
    """Send the receipt of a paid donation again (a donor lost it); False, and nothing sent,
    for any other status: a receipt says the money arrived."""
    if donation.status != DonationStatus.PAID:
        return False
    send_receipt(donation.pk)
    donation.receipt_sent_at = timezone.now()
    donation.save(update_fields=["receipt_sent_at", "updated_at"])
    return True


def stripe_time(timestamp):
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC) if timestamp else None


def mark_paid(donation, paid_at=None):
    """Mark a donation paid and queue its receipt, once, however many events say so."""
    if donation.status not in (DonationStatus.PENDING, DonationStatus.FAILED):
        return
    donation.status = DonationStatus.PAID
    donation.paid_at = paid_at or timezone.now()
    fields = ["status", "paid_at", "updated_at"]
    if donation.receipt_sent_at is None:
        donation.receipt_sent_at = timezone.now()
        fields.append("receipt_sent_at")
        transaction.on_commit(lambda pk=donation.pk: send_receipt(pk))
    donation.save(update_fields=fields)


# Webhook events ---------------------------------------------------------------------------------


class UnknownDonation(Exception):
    """The event is about a donation we have not recorded yet: Stripe should retry later."""


class NotOurs(Exception):
    """The event is about a payment that is none of our donations (the Stripe account may take
    other payments): acknowledge it and change nothing."""


def locked():
    # select_for_update is a no-op on SQLite, which serialises writers anyway.
    return Donation.objects.select_for_update()


def as_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def names_one_of_our_donations(metadata):
    # We put the donation's uuid in every subscription's metadata, and Stripe copies it onto
    # its invoices: it tells our subscription apart before checkout.session.completed links it.
    reference = as_uuid((metadata or {}).get("donation_id"))
    return reference is not None and Donation.objects.filter(uuid=reference).exists()


def donation_for_session(session):
    donation = locked().filter(stripe_checkout_session_id=session["id"]).first()
    # We create every donation before its session, so a session we cannot find is not ours.
    reference = as_uuid(session.get("client_reference_id"))
    if donation is None and reference:
        donation = locked().filter(uuid=reference).first()
    if donation is None:
        raise NotOurs(f"no donation for Checkout session {session['id']}")
    return donation


def unknown_subscription(subscription_id, metadata):
    """Ours but not linked yet (events can arrive before checkout.session.completed): retry;
    anyone else's: acknowledge."""
    if names_one_of_our_donations(metadata):
        return UnknownDonation(f"no donation linked to subscription {subscription_id} yet")
    return NotOurs(f"no donation for subscription {subscription_id}")


def first_donation_of_invoice(invoice):
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    subscription_id = object_id(details.get("subscription"))
    if not subscription_id:
        raise NotOurs(f"invoice {invoice['id']} belongs to no subscription")
    donation = (
        locked()
        .filter(stripe_subscription_id=subscription_id, stripe_checkout_session_id__isnull=False)
        .order_by("created_at")
        .first()
    )
    if donation is None:
        raise unknown_subscription(subscription_id, details.get("metadata"))
    return donation


def invoices_paid_by(payment_intent_id):
    """Ask Stripe which invoices a payment paid: at our API version neither the invoice nor the
    charge says (a charge names its payment intent, an invoice lists no payments)."""
    try:
        payments = client().v1.invoice_payments.list(
            params={"payment": {"type": "payment_intent", "payment_intent": payment_intent_id}}
        )
    except stripe.StripeError as exc:
        raise UnknownDonation(f"Stripe did not say what {payment_intent_id} paid: {exc}") from exc
    return [object_id(payment["invoice"]) for payment in payments.data]


def donation_for_payment_intent(payment_intent_id):
    """The donation a charge or dispute is about: a one-off gift by its payment intent, a month
    of a monthly gift by the invoice that payment intent paid."""
    if not payment_intent_id:
        raise NotOurs("a payment with no payment intent")
    donation = locked().filter(stripe_payment_intent_id=payment_intent_id).first()
    if donation is None:
        invoices = invoices_paid_by(payment_intent_id)
        donation = locked().filter(stripe_invoice_id__in=invoices).first() if invoices else None
        if donation is None:
            raise NotOurs(f"no donation for payment intent {payment_intent_id}")
        # Kept, so that a later refund or dispute of this payment is found without asking.
        donation.stripe_payment_intent_id = payment_intent_id
        donation.save(update_fields=["stripe_payment_intent_id", "updated_at"])
    return donation


def object_id(value):
    """An id from a field Stripe may send as an id or as an expanded object."""
    if isinstance(value, dict):
        return value.get("id") or ""
    return value or ""


def update_from_session(donation, session):
    donation.stripe_checkout_session_id = session["id"]
    donation.stripe_customer_id = object_id(session.get("customer")) or donation.stripe_customer_id
    donation.stripe_subscription_id = (
        object_id(session.get("subscription")) or donation.stripe_subscription_id
    )
    donation.stripe_payment_intent_id = (
        object_id(session.get("payment_intent")) or donation.stripe_payment_intent_id
    )
    donation.save(
        update_fields=[
            "stripe_checkout_session_id",
            "stripe_customer_id",
            "stripe_subscription_id",
            "stripe_payment_intent_id",
            "updated_at",
        ]
    )


def on_session_completed(session):
    donation = donation_for_session(session)
    update_from_session(donation, session)
    # Bank debits and vouchers complete the session before the money arrives.
    if session.get("payment_status") in ("paid", "no_payment_required"):
        mark_paid(donation)


def on_async_payment_succeeded(session):
    donation = donation_for_session(session)
    update_from_session(donation, session)
    mark_paid(donation)


def on_async_payment_failed(session):
    donation = donation_for_session(session)
    update_from_session(donation, session)
    if donation.status == DonationStatus.PENDING:
        donation.status = DonationStatus.FAILED
        donation.save(update_fields=["status", "updated_at"])


def on_session_expired(session):
    donation = donation_for_session(session)
    if donation.status == DonationStatus.PENDING:
        donation.status = DonationStatus.CANCELED
        donation.save(update_fields=["status", "updated_at"])


def donation_for_invoice(invoice):
    """The donation an invoice pays: the first one, or a new one for each renewal.

    At our API version an invoice's subscription sits under parent.subscription_details.
    """
    first = first_donation_of_invoice(invoice)
    if (
        invoice.get("billing_reason") == "subscription_create"
        or first.stripe_invoice_id == invoice["id"]
    ):
        if first.stripe_invoice_id is None:
            first.stripe_invoice_id = invoice["id"]
            first.save(update_fields=["stripe_invoice_id", "updated_at"])
        return first
    donation, _created = Donation.objects.get_or_create(
        stripe_invoice_id=invoice["id"],
        defaults={
            "amount": invoice.get("amount_paid") or invoice.get("amount_due") or first.amount,
            "currency": (invoice.get("currency") or first.currency).upper(),
            "frequency": Frequency.MONTHLY,
            "donor_name": first.donor_name,
            "donor_email": first.donor_email,
            "show_on_wall": first.show_on_wall,
            "dedicated_to_id": first.dedicated_to_id,
            "language": first.language,
            "stripe_customer_id": first.stripe_customer_id,
            "stripe_subscription_id": first.stripe_subscription_id,
        },
    )
    return locked().get(pk=donation.pk)


def on_invoice_paid(invoice):
    # The month a renewal counts in is the one Stripe collected it in, not our receipt's.
    paid_at = stripe_time((invoice.get("status_transitions") or {}).get("paid_at"))
    mark_paid(donation_for_invoice(invoice), paid_at)


def on_invoice_payment_failed(invoice):
    donation = donation_for_invoice(invoice)
    if donation.status == DonationStatus.PENDING:
        donation.status = DonationStatus.FAILED
        donation.save(update_fields=["status", "updated_at"])


def on_subscription_deleted(subscription):
    donations = locked().filter(stripe_subscription_id=subscription["id"])
    if not donations:
        raise unknown_subscription(subscription["id"], subscription.get("metadata"))
    now = timezone.now()
    donations.filter(subscription_ended_at__isnull=True).update(
        subscription_ended_at=now, updated_at=now
    )
    donations.filter(status=DonationStatus.PENDING).update(
        status=DonationStatus.CANCELED, updated_at=now
    )


def on_charge_refunded(charge):
    donation = donation_for_payment_intent(object_id(charge.get("payment_intent")))
    donation.amount_refunded = charge.get("amount_refunded") or 0
    fields = ["amount_refunded", "updated_at"]
    if charge.get("refunded") and donation.status != DonationStatus.DISPUTED:
        donation.status = DonationStatus.REFUNDED
        fields.append("status")
    donation.save(update_fields=fields)


def on_dispute_created(dispute):
    donation = donation_for_payment_intent(object_id(dispute.get("payment_intent")))
    donation.status = DonationStatus.DISPUTED
    donation.save(update_fields=["status", "updated_at"])


HANDLERS = {
    "checkout.session.completed": on_session_completed,
    "checkout.session.async_payment_succeeded": on_async_payment_succeeded,
    "checkout.session.async_payment_failed": on_async_payment_failed,
    "checkout.session.expired": on_session_expired,
    "invoice.paid": on_invoice_paid,
    "invoice.payment_failed": on_invoice_payment_failed,
    "customer.subscription.deleted": on_subscription_deleted,
    "charge.refunded": on_charge_refunded,
    "charge.dispute.created": on_dispute_created,
}


class Outcome:
    PROCESSED = "processed"
    REPEAT = "repeat"
    IGNORED = "ignored"
    NOT_OURS = "not ours"
    RETRY = "retry"


def handle_event(event):
    """Store the (already verified) event once and process it in one transaction."""
    with transaction.atomic():
        stored, created = StripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"type": event["type"], "payload": event}
        )
        if not created:
            # A concurrent delivery may be processing it: wait for it, then look again.
            stored = StripeEvent.objects.select_for_update().get(pk=stored.pk)
        if stored.processed_at is not None:
            return Outcome.REPEAT
        handler = HANDLERS.get(event["type"])
        if handler is not None:
            try:
                with transaction.atomic():
                    handler(event["data"]["object"])
            except UnknownDonation as exc:
                logger.warning("Stripe event %s: %s; Stripe will retry", event["id"], exc)
                stored.error = str(exc)
                stored.save(update_fields=["error"])
                return Outcome.RETRY
            except NotOurs as exc:
                logger.info("Stripe event %s is not ours: %s", event["id"], exc)
                stored.processed_at = timezone.now()
                stored.error = f"not ours: {exc}"
                stored.save(update_fields=["processed_at", "error"])
                return Outcome.NOT_OURS
        stored.processed_at = timezone.now()
        stored.error = ""
        stored.save(update_fields=["processed_at", "error"])
        return Outcome.PROCESSED if handler else Outcome.IGNORED
