import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from common.links import invalid_link
from donations import services
from donations.forms import PRESET_AMOUNTS, DonationForm
from donations.models import Donation, GivingDetails

logger = logging.getLogger(__name__)

# Per address, on session creation: enough for a person who changes their mind, too few
# for a bot testing stolen cards.
DONATE_RATE = "10/h"


@ratelimit(key="ip", rate=DONATE_RATE, method="POST", block=True)
def donate(request):
    configured = services.is_configured()
    form = DonationForm(
        request.POST or None, initial={"dedicated_to": request.GET.get("dedicated_to", "")}
    )
    if request.method == "POST" and configured:
        if form.is_bot:
            # Say nothing a bot could learn from; create nothing.
            return redirect("donations:thanks")
        if form.is_valid():
            donation = form.build_donation(get_language())
            donation.save()
            try:
                url = services.create_checkout_session(donation)
            except stripe.StripeError:
                logger.exception("Stripe Checkout session for donation %s failed", donation.pk)
                return render(
                    request,
                    "donations/donate.html",
                    {
                        "form": form,
                        "configured": True,
                        "stripe_failed": True,
                        "presets": PRESET_AMOUNTS,
                        **other_ways(),
                    },
                    status=502,
                )
            return redirect(url, permanent=False)
    return render(
        request,
        "donations/donate.html",
        {"form": form, "configured": configured, "presets": PRESET_AMOUNTS, **other_ways()},
    )


def other_ways():
    """Giving by transfer or cheque, and the address to write to: shown with or without Stripe."""
    return {"giving": GivingDetails.current(), "contact_email": settings.CONTACT_EMAIL}


def thanks(request):
    return render(request, "donations/thanks.html")


def canceled(request):
    return render(request, "donations/canceled.html")


def donors(request):
    names = (
        Donation.objects.on_wall()
        .order_by("donor_name")
        .values_list("donor_name", flat=True)
        .distinct()[:500]
    )
    return render(request, "donations/donors.html", {"names": names})


def manage(request, token):
    donation = services.donation_from_manage_token(token)
    if donation is None or not services.is_configured():
        message = _(
            "This link to manage a monthly gift is not valid or has expired. For your safety, "
            "such links work for 30 days only. Each new receipt brings a fresh link; you may "
            "also write to us and we will help you."
        )
        return invalid_link(request, message=message)
    try:
        url = services.create_portal_session(donation, get_language())
    except stripe.StripeError:
        logger.exception("Stripe portal session for donation %s failed", donation.pk)
        return render(request, "donations/manage_unavailable.html", status=502)
    return redirect(url)


@csrf_exempt
@require_POST
def webhook(request):
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        logger.error("Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set")
        return HttpResponse("webhook not configured", status=503, content_type="text/plain")
    payload = request.body.decode("utf-8", errors="replace")
    signature = request.headers.get("Stripe-Signature")
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature, secret, stripe.Webhook.DEFAULT_TOLERANCE
        )
        event = parse_event(payload)
    except (stripe.SignatureVerificationError, ValueError):
        return HttpResponse("bad signature", status=400, content_type="text/plain")
    outcome = services.handle_event(event)
    if outcome == services.Outcome.RETRY:
        # Not a 2xx: Stripe delivers the event again later, when we know the donation.
        return HttpResponse("unknown donation, retry later", status=409, content_type="text/plain")
    return HttpResponse(outcome, content_type="text/plain")


def parse_event(payload):
    event = json.loads(payload)
    if not isinstance(event, dict) or not {"id", "type", "data"} <= event.keys():
        raise ValueError("not a Stripe event")
    return event
