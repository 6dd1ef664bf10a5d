"""A donor, in Armenian, gives 50 euros every month: our server asks Stripe (its HTTP layer is
the recording double of the root conftest) for a Checkout session and the browser is sent there;
then Stripe's signed webhook arrives and a Finance user sees the gift paid in the admin."""

import json

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from conftest import (
    PASSWORD,
    WEBHOOK_URL,
    completed_session,
    sign,
    stripe_event,
)
from donations.models import Donation, DonationStatus, Frequency
from libertas.tests.conftest import browser_sign_in, screenshot, staff_with_second_factor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_monthly_gift_in_euros_goes_to_checkout_and_shows_paid_to_finance(page, site, stripe_http):
    page.goto(f"{site}/hy/donate/")
    assert page.locator("html").get_attribute("lang") == "hy"
    page.check("input[name=amount_choice][value='50']")
    page.select_option("select[name=currency]", "EUR")
    page.check(f"input[name=frequency][value={Frequency.MONTHLY}]")
    page.fill("input[name=donor_name]", "Նարե Սարգսյան")
    page.fill("input[name=donor_email]", "nare@example.org")
    with translation.override("hy"):
        monthly_label = str(Frequency.MONTHLY.label)
    assert page.get_by_label(monthly_label).is_checked()
    screenshot(page, "journey-donor-hy-form")
    # Playwright cannot route a request the browser makes by following a redirect, so the
    # browser's resolver knows no outside name (see conftest): the navigation to Stripe is
    # observed, then fails without leaving the machine.
    with page.expect_request("https://checkout.stripe.com/**") as checkout:
        page.locator("form button[type=submit]").click()
    checkout = checkout.value

    (request,) = stripe_http.requests
    assert request.path == "/v1/checkout/sessions"
    sent = request.params
    assert sent["mode"] == "subscription"
    assert sent["line_items[0][price_data][currency]"] == "eur"
    assert sent["line_items[0][price_data][unit_amount]"] == "5000"
    assert sent["line_items[0][price_data][recurring][interval]"] == "month"
    assert sent["customer_email"] == "nare@example.org"
    assert sent["success_url"] == f"{site}/hy/donate/thanks/"
    donation = Donation.objects.get()
    assert request.headers["Idempotency-Key"] == f"checkout-{donation.uuid}"
    assert (
        checkout.url == f"https://checkout.stripe.com/c/pay/{donation.stripe_checkout_session_id}"
    )
    assert checkout.is_navigation_request()
    assert checkout.redirected_from.url == f"{site}/hy/donate/"
    assert checkout.redirected_from.method == "POST"
    assert donation.status == DonationStatus.PENDING

    payload = json.dumps(stripe_event("checkout.session.completed", completed_session(donation)))
    response = page.request.post(
        site + WEBHOOK_URL,
        data=payload,
        headers={"Content-Type": "application/json", "Stripe-Signature": sign(payload)},
    )
    assert response.status == 200
    donation.refresh_from_db()
    assert donation.status == DonationStatus.PAID

    carla, secret = staff_with_second_factor("carla@example.org")
    carla.groups.add(Group.objects.get(name="Finance"))
    browser_sign_in(page, site, "hy", carla.email, PASSWORD, secret)
    page.goto(f"{site}/hy/admin/donations/donation/")
    row = page.locator("#result_list tbody tr", has_text="nare@example.org")
    with translation.override("hy"):
        paid = str(DonationStatus.PAID.label)
    assert paid in row.inner_text()
    screenshot(page, "journey-donor-hy-admin")
