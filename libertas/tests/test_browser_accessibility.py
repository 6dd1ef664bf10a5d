"""Every public page, in each language: no serious or critical axe-core violation, and
screenshots at phone and desktop width for a reviewer (saved under test-artifacts/).

Pages without arguments come from the URLconf, so none is forgotten; pages that take one
(a profile, a news item, a confirmation link...) are listed here with a record from the demo data.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from libertas.tests.conftest import screenshot
from libertas.tests.test_languages import LANGUAGE_CODES, public_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLIC_PROFILE = "sample-aram-petrosyan"
LIMITED_PROFILE = "sample-limited-record"


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def pages_with_arguments():
    """(screenshot name, URL name, arguments, expected status) for pages that need a record."""
    from campaign import services as campaign_services
    from campaign.models import (
        Event,
        Follower,
        NewsItem,
        Petition,
        Signature,
        SolidarityMessage,
        Subscriber,
    )
    from prisoners.models import Detainee
    from sponsorships import services as sponsorship_services
    from sponsorships.models import Sponsor

    public = Detainee.objects.get(slug=PUBLIC_PROFILE)
    assert Detainee.objects.get(slug=LIMITED_PROFILE).is_limited
    sponsor = Sponsor.objects.create(
        kind=Sponsor.Kind.CITY,
        name="Ville d'Exemple",
        country="FR",
        city="Exemple",
        contact_name="Jeanne Exemple",
        email="mairie@example.org",
        language="fr",
    )
    signature = Signature.objects.create(
        petition=Petition.objects.active().first(),
        name="Ani Example",
        email="ani@example.org",
        country="FR",
        language="en",
    )
    follower = Follower.objects.create(detainee=public, email="ani@example.org", language="en")
    signature_token = campaign_services.make_token(
        campaign_services.SIGNATURE_SALT, signature.pk, signature.email
    )
    follow_token = campaign_services.make_token(
        campaign_services.FOLLOW_SALT, follower.pk, follower.email
    )
    written = SolidarityMessage.objects.create(
        detainee=public,
        text="Courage.",
        language="en",
        first_name="Ani",
        city="Lyon",
        email="ani@example.org",
    )
    message_token = campaign_services.make_token(
        campaign_services.MESSAGE_SALT, written.pk, written.email
    )
    unsubscribe_token = campaign_services.make_token(
        campaign_services.UNSUBSCRIBE_SALT, follower.pk, follower.email
    )
    subscriber = Subscriber.objects.create(email="ani@example.org", language="en")
    newsletter_token = campaign_services.make_token(
        campaign_services.NEWSLETTER_SALT, subscriber.pk, subscriber.email
    )
    newsletter_unsubscribe_token = campaign_services.make_token(
        campaign_services.NEWSLETTER_UNSUBSCRIBE_SALT, subscriber.pk, subscriber.email
    )
    return [
        ("newsletter-confirm", "campaign:newsletter_confirm", [newsletter_token], 200),
        (
            "newsletter-unsubscribe",
            "campaign:newsletter_unsubscribe",
            [newsletter_unsubscribe_token],
            200,
        ),
        ("profile", "prisoners:detail", [PUBLIC_PROFILE], 200),
        ("profile-limited", "prisoners:detail", [LIMITED_PROFILE], 200),
        ("report", "prisoners:report", [PUBLIC_PROFILE], 200),
        ("follow", "campaign:follow", [PUBLIC_PROFILE], 200),
        ("follow-sent", "campaign:follow_sent", [PUBLIC_PROFILE], 200),
        ("message", "campaign:message", [PUBLIC_PROFILE], 200),
        ("message-limited", "campaign:message", [LIMITED_PROFILE], 200),
        ("message-sent", "campaign:message_sent", [PUBLIC_PROFILE], 200),
        ("message-confirm", "campaign:message_confirm", [message_token], 200),
        ("news-item", "campaign:news_detail", [NewsItem.objects.published().first().slug], 200),
        ("event", "campaign:event_detail", [Event.objects.published().first().slug], 200),
        (
            "sponsor-confirm",
            "sponsorships:confirm",
            [sponsorship_services.confirmation_token(sponsor)],
            200,
        ),
        ("petition-confirm", "campaign:petition_confirm", [signature_token], 200),
        ("follow-confirm", "campaign:follow_confirm", [follow_token], 200),
        ("unsubscribe", "campaign:unsubscribe", [unsubscribe_token], 200),
        ("link-invalid", "campaign:petition_confirm", ["forged"], 400),
        ("sign-in", "account_login", [], 200),
        ("sign-up-closed", "account_signup", [], 200),
        ("password-reset", "account_reset_password", [], 200),
    ]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_public_pages_have_no_serious_accessibility_violation(
    page, live_server, settings, language
):
    # A key (never used: showing a page asks nothing of Stripe) so the donate form is checked,
    # not the "not configured" notice.
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    call_command("load_demo", verbosity=0)
    targets = [(name.replace(":", "-"), name, [], 200) for name in public_pages()]
    targets += pages_with_arguments()
    failures = {}
    checked = 0
    for label, name, args, status in targets:
        with translation.override(language):
            path = reverse(name, args=args)
        probe = page.request.get(live_server.url + path)
        assert probe.status == status, path
        if "html" not in probe.headers.get("content-type", ""):
            continue  # exports and feeds: data, not pages
        page.goto(live_server.url + path)
        # At desktop width, then at phone width, where the menu folds away.
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            problems = serious_violations(page)
            if problems:
                failures[f"{path} at {width} px"] = problems
        # On a phone nothing may stick out sideways (the page would scroll horizontally).
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
        if overflow > 390:
            failures[f"{path} at 390 px"] = [f"the page is {overflow} px wide"]
        screenshot(page, f"{language}-{label}")
        checked += 1
    assert failures == {}
    # A guard against a URLconf walk that silently finds nothing.
    assert checked >= 30
