"""Every public POST endpoint: CSRF enforced, a rate limit with a translated 429, a honeypot.

The public POST endpoints (found with `grep -rn POST */views.py` and allauth's sign-in):
the correction report, sponsor sign-up, sponsor e-mail confirmation, donation, petition,
follow, message of solidarity, unsubscribe, sign-in, and the Stripe webhook. Four are exempt
from CSRF by design: the webhook (Stripe cannot hold our token; it proves itself with its
signature) and the one-click unsubscribe (mail clients POST it without a token, RFC 8058; the
signed token in the address is the proof, and all it can do is remove a follow).
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.translation import gettext

from campaign import services as campaign_services
from campaign.models import Follower, Petition, Signature, SolidarityMessage
from conftest import RecordingStripe, make_sponsor, make_user
from donations import services as donations_services
from donations.models import Donation
from prisoners.models import Category, CorrectionRequest, Detainee, Visibility
from sponsorships import services as sponsorships_services
from sponsorships.models import Commitment, Sponsor

TOO_MANY = "Too many attempts"


@pytest.fixture
def world(db, settings, monkeypatch, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    monkeypatch.setattr(donations_services, "http_client", RecordingStripe())
    detainee = Detainee.objects.create(
        slug="aram-test", name_en="Aram Test", category=Category.POW, visibility=Visibility.PUBLIC
    )
    Petition.objects.create(
        title="Free them", text="Release them.", addressees="A minister", goal=10
    )
    return detainee


def report(detainee):
    data = {"what_is_wrong": "The birth year is 1990.", "email": "mariam@example.org"}
    return {
        "url": f"/{{lang}}/prisoners/{detainee.slug}/report/",
        "data": data,
        "honeypot": "website",
        "rate": 5,
        "stored": CorrectionRequest.objects.count,
        "message": "You have sent several reports in a short time. Please try again in an hour.",
    }


def signup(detainee):
    data = {
        "kind": "CITY",
        "name": "Ville de Valbrune",
        "country": "FR",
        "city": "Valbrune",
        "public_consent": "on",
        "contact_name": "Jeanne Maire",
        "email": "mairie@valbrune.example.org",
        "target": str(detainee.pk),
        "commitments": [str(c.pk) for c in Commitment.objects.all()[:2]],
    }
    return {
        "url": "/{lang}/sponsor/",
        "data": data,
        "honeypot": "nickname",
        "rate": 10,
        "stored": Sponsor.objects.count,
        "message": TOO_MANY,
    }


def donate(detainee):
    data = {
        "amount_choice": "50",
        "currency": "EUR",
        "frequency": "ONCE",
        "donor_name": "Nare Sample",
        "donor_email": "nare@example.org",
    }
    return {
        "url": "/{lang}/donate/",
        "data": data,
        "honeypot": "website",
        "rate": 10,
        "stored": Donation.objects.count,
        "message": TOO_MANY,
    }


def petition(detainee):
    data = {"name": "Anna", "email": "anna@example.org", "country": "FR", "comment": "Free them"}
    return {
        "url": "/{lang}/petition/",
        "data": data,
        "honeypot": "website",
        "rate": 10,
        "stored": Signature.objects.count,
        "message": TOO_MANY,
    }


def follow(detainee):
    return {
        "url": f"/{{lang}}/follow/{detainee.slug}/",
        "data": {"email": "anna@example.org"},
        "honeypot": "website",
        "rate": 10,
        "stored": Follower.objects.count,
        "message": TOO_MANY,
    }


def message(detainee):
    data = {
        "text": "Courage, we think of you.",
        "first_name": "Anna",
        "city": "Lyon",
        "email": "anna@example.org",
    }
    return {
        "url": f"/{{lang}}/message/{detainee.slug}/",
        "data": data,
        "honeypot": "website",
        "rate": 10,
        "stored": SolidarityMessage.objects.count,
        "message": TOO_MANY,
    }


FORMS = {
    "correction report": report,
    "sponsor sign-up": signup,
    "donation": donate,
    "petition": petition,
    "follow": follow,
    "message of solidarity": message,
}


def vary(data, n):
    """The same form from another person, so no 'already signed' short cut hides the count."""
    varied = dict(data)
    for key in ("email", "donor_email"):
        if key in varied:
            varied[key] = f"person{n}@example.org"
    return varied


def csrf_client():
    return Client(enforce_csrf_checks=True)


def post_with_token(client, url, data):
    # As static/js/live.js does: the form page may come from the page cache, without a
    # token; the form fetches one from /csrf-token when it is used.
    client.get(url)
    token = client.get("/csrf-token").json()["token"]
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


@pytest.mark.parametrize("name", FORMS)
def test_a_public_form_without_csrf_token_is_refused_and_stores_nothing(world, name):
    form = FORMS[name](world)
    client = csrf_client()
    response = client.post(form["url"].format(lang="en"), form["data"])
    assert response.status_code == 403
    assert form["stored"]() == 0
    assert mail.outbox == []
    # The same form with its token goes through: the refusal was the missing token.
    response = post_with_token(client, form["url"].format(lang="en"), form["data"])
    assert response.status_code in (200, 302)
    assert form["stored"]() == 1


@pytest.mark.parametrize("name", FORMS)
def test_a_public_form_is_rate_limited_with_a_translated_429(world, name):
    form = FORMS[name](world)
    client = Client()
    for n in range(form["rate"]):
        response = client.post(form["url"].format(lang="en"), vary(form["data"], n))
        assert response.status_code in (200, 302), n
    response = client.post(form["url"].format(lang="fr"), vary(form["data"], 99))
    assert response.status_code == 429
    html = response.content.decode()
    with translation.override("fr"):
        french = gettext(form["message"])
    assert french != form["message"]
    assert french.replace("'", "&#x27;") in html
    assert 'lang="fr"' in html
    assert form["stored"]() == form["rate"]


@pytest.mark.parametrize("name", FORMS)
def test_a_filled_honeypot_stores_nothing_and_sends_nothing(world, name):
    form = FORMS[name](world)
    response = Client().post(
        form["url"].format(lang="en"), {**form["data"], form["honeypot"]: "http://spam.example"}
    )
    assert response.status_code in (200, 302)
    assert form["stored"]() == 0
    assert mail.outbox == []


def test_sponsor_confirmation_needs_the_csrf_token(world):
    sponsor = make_sponsor("Ville de Lyonnet")
    url = reverse("sponsorships:confirm", args=[sponsorships_services.confirmation_token(sponsor)])
    client = csrf_client()
    assert client.post(url).status_code == 403
    sponsor.refresh_from_db()
    assert sponsor.email_confirmed_at is None
    assert post_with_token(client, url, {}).status_code == 200
    sponsor.refresh_from_db()
    assert sponsor.email_confirmed_at is not None


def test_sponsor_confirmation_is_rate_limited(world):
    client = Client()
    for _ in range(30):
        client.post("/en/sponsor/confirm/forged/")
    response = client.post("/fr/sponsor/confirm/forged/")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_one_click_unsubscribe_works_without_a_token_and_is_rate_limited(world):
    follower = Follower.objects.create(detainee=world, email="anna@example.org", language="en")
    token = campaign_services.make_token(
        campaign_services.UNSUBSCRIBE_SALT, follower.pk, follower.email
    )
    client = csrf_client()
    assert client.post(f"/en/unsubscribe/{token}/").status_code == 200
    assert not Follower.objects.exists()
    for _ in range(29):
        client.post("/en/unsubscribe/forged/")
    assert client.post("/fr/unsubscribe/forged/").status_code == 429


def test_stripe_webhook_is_exempt_from_csrf_but_checks_its_signature(world, settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
    response = csrf_client().post(
        "/stripe/webhook/", "{}", content_type="application/json", HTTP_STRIPE_SIGNATURE="t=1,v1=0"
    )
    assert response.status_code == 400  # refused for its signature, not for a CSRF token


def test_sign_in_needs_the_csrf_token(db):
    user = make_user("sponsor@example.org")
    client = csrf_client()
    data = {"login": user.email, "password": "correct-horse-battery-staple"}
    assert client.post("/en/accounts/login/", data).status_code == 403
    assert "_auth_user_id" not in client.session
    assert post_with_token(client, "/en/accounts/login/", data).status_code == 302


def test_repeated_failed_sign_ins_end_in_a_translated_429(db, settings):
    # allauth counts every sign-in attempt per address ("login") and refuses past the
    # limit with templates/429.html; failed ones also count per account ("login_failed").
    limit = int(settings.ACCOUNT_RATE_LIMITS["login"].split("/")[0])
    make_user("sponsor@example.org")
    client = Client()
    for n in range(limit):
        wrong = {"login": f"guess{n}@example.org", "password": "not-the-password"}
        assert client.post("/en/accounts/login/", wrong).status_code == 200
    response = client.post("/fr/accounts/login/", wrong)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de tentatives" in html and 'lang="fr"' in html


def test_failed_sign_ins_on_one_account_lock_it_for_a_while_even_with_the_password(db):
    make_user("sponsor@example.org")
    client = Client()
    wrong = {"login": "sponsor@example.org", "password": "not-the-password"}
    for _ in range(5):
        assert client.post("/en/accounts/login/", wrong).status_code == 200
    right = {"login": "sponsor@example.org", "password": "correct-horse-battery-staple"}
    response = client.post("/fr/accounts/login/", right)
    assert response.status_code == 200  # the form again, with allauth's translated message
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives de connexion" in response.content.decode()


# Stripe signs its webhook; mail clients unsubscribe with a one-click POST (RFC 8058) from a
# link we signed; the letters counter takes a beacon from a cached page, which has no token,
# and a forged press can only add one to a public number (campaign.views.letters_opened).
EXEMPT = {
    "stripe_webhook",
    "campaign:unsubscribe",
    "campaign:newsletter_unsubscribe",
    "campaign:letters_opened",
}


def every_route(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns in ("admin",) or str(entry.pattern).startswith(("admin/", "accounts/")):
                continue
            yield from every_route(
                entry, prefix + str(entry.pattern), f"{namespace}{ns}:" if ns else namespace
            )
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


SAMPLE = {
    "slug": "aram-test",
    "token": "forged",
    "pk": 1,
    "size": "a4",
    "path": "x.jpg",
    "uidb36": "1",
    "section": "detainees",
}


def test_every_site_address_refuses_a_post_without_csrf_token_except_the_exempt(world):
    client = csrf_client()
    checked = set()
    for name, entry in every_route():
        kwargs = {key: SAMPLE[key] for key in entry.pattern.converters}
        with translation.override("en"):
            url = reverse(name, kwargs=kwargs)
        status = client.post(url).status_code
        checked.add(name)
        if name in EXEMPT:
            assert status != 403, name
        else:
            assert status == 403, (name, url, status)
    # The forms this module tests one by one are among the addresses checked.
    assert {
        "prisoners:report",
        "sponsorships:signup",
        "sponsorships:confirm",
        "donations:donate",
        "campaign:petition",
        "campaign:follow",
        "campaign:message",
        *EXEMPT,
    } <= checked
