"""Monthly donors manage their gift through a signed, expiring link to Stripe's portal."""

import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from conftest import make_donation
from donations import services
from donations.models import Frequency


@pytest.fixture
def monthly(db, stripe_api):
    return make_donation(
        frequency=Frequency.MONTHLY, stripe_customer_id="cus_test_1", stripe_subscription_id="sub_1"
    )


def manage_url(token, language="en"):
    with translation.override(language):
        return reverse("donations:manage", args=[token])


def test_signed_link_opens_a_portal_session_for_the_donors_customer(client, monthly, stripe_api):
    response = client.get(manage_url(services.manage_token(monthly), "fr"))
    assert response.status_code == 302
    assert response["Location"] == "https://billing.stripe.com/p/session/test_1"
    [request] = stripe_api.requests
    assert request.path == "/v1/billing_portal/sessions"
    assert request.params["customer"] == "cus_test_1"
    assert request.params["locale"] == "fr"
    assert request.params["return_url"] == "https://libertas.example.org/fr/donate/"
    assert request.headers["Stripe-Version"] == "2026-10-28.endive"


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda d: str(d.uuid), id="bare uuid"),
        pytest.param(lambda d: str(d.pk), id="bare id"),
        pytest.param(lambda d: services.manage_token(d)[:-2] + "xx", id="altered signature"),
        pytest.param(lambda d: signing.dumps(str(d.uuid), salt="other"), id="other salt"),
        pytest.param(
            lambda d: signing.dumps(str(d.uuid), salt=services.MANAGE_SALT, key="not-our-key"),
            id="other key",
        ),
    ],
)
def test_forged_token_is_refused_with_a_clear_page(client, monthly, stripe_api, forge):
    response = client.get(manage_url(forge(monthly)))
    assert response.status_code == 400
    assert "not valid or has expired" in response.text
    assert stripe_api.requests == []


def test_expired_token_is_refused(client, monthly, stripe_api, monkeypatch):
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: now - services.MANAGE_MAX_AGE - 60)
        token = services.manage_token(monthly)
    response = client.get(manage_url(token, "fr"))
    assert response.status_code == 400
    assert "expiré" in response.text
    assert stripe_api.requests == []


def test_token_just_inside_its_lifetime_still_works(client, monthly, stripe_api, monkeypatch):
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: now - services.MANAGE_MAX_AGE + 60)
        token = services.manage_token(monthly)
    assert client.get(manage_url(token)).status_code == 302


def test_one_off_donation_has_no_portal(client, db, stripe_api):
    once = make_donation(stripe_customer_id="cus_test_2")
    response = client.get(manage_url(services.manage_token(once)))
    assert response.status_code == 400
    assert stripe_api.requests == []
