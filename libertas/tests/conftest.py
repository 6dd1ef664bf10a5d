"""The browser for end-to-end tests: Debian's Chromium driven by Playwright.

Without Chromium these tests are skipped with the reason, never passed silently.
"""

import os
import time
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No name resolves but our own: a test can never reach an outside server (Stripe's
    # Checkout page included), and a page that asks for one fails visibly.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium): browser test not run")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server's database
    # work happens in its own thread, so Django's async guard does not apply here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With that loop running, Django hands this thread new connection objects, which lack
    # the snapshot serialized_rollback restores the migrations' data from: pass it on.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_playwright() as playwright:
            for alias, contents in snapshots.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_page(browser, live_server):
    """Opens pages in fresh browser contexts (another person, or another day).

    It depends on the live server so that its contexts close, with their keep-alive
    connections, before the server stops.
    """
    from django.contrib.auth.models import Group

    from sponsorships.models import Commitment

    # Rows the migrations create survive only if every transactional test before this one
    # used serialized_rollback=True; say so plainly rather than fail somewhere later.
    assert Commitment.objects.exists() and Group.objects.filter(name="Finance").exists(), (
        "data from the migrations is gone: a transactional test before this one "
        "needs @pytest.mark.django_db(transaction=True, serialized_rollback=True)"
    )
    contexts = []

    def open_page():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def screenshot(page, name):
    """Save what a reviewer should look at: the page at phone and desktop width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


# Helpers for the journeys ---------------------------------------------------------------------


@pytest.fixture
def site(live_server, settings, tmp_path):
    """The live server as the site: links in e-mails point at it, uploads go to tmp_path."""
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    return live_server.url


def link_in_last_email(pattern, to=None):
    """The first link in the newest e-mail (to `to`, if given) whose address contains `pattern`.

    The live server runs in this process with the locmem backend, so its mail lands here.
    """
    import re

    from django.core import mail

    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, f"no e-mail sent to {to or 'anyone'}"
    links = re.findall(r"https?://\S+", messages[-1].body)
    matching = [link for link in links if pattern in link]
    assert matching, f"no link with {pattern!r} in: {messages[-1].body}"
    return matching[0]


def staff_with_second_factor(email, **extra):
    """A staff user with a TOTP authenticator; returns (user, secret)."""
    from conftest import add_second_factor, make_user

    user = make_user(email, is_staff=True, **extra)
    return user, add_second_factor(user)


def browser_sign_in(page, base_url, language, email, password, totp_secret=None):
    """Sign in through allauth's pages, typing the current TOTP code when there is one."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        login_url = base_url + reverse("account_login")
    page.goto(login_url)
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    if totp_secret is not None:
        from allauth.mfa import app_settings

        from conftest import current_code

        # A code typed in the last instants of its period would reach the server too late:
        # wait for the next period then (the only wait in these tests, at most two seconds).
        left = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
        if left < 2:
            time.sleep(left + 0.1)
        page.fill("input[name=code]", current_code(totp_secret))
        with page.expect_navigation():
            page.press("input[name=code]", "Enter")
    assert "/accounts/login/" not in page.url, page.locator("main").inner_text()
