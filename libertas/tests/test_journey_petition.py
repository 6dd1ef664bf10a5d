"""A supporter signs the petition, in English, confirms by the e-mailed link, and the
counter on the petition page moves by one (not before the confirmation)."""

import time

import pytest
from django.core import mail
from django.core.management import call_command

from libertas.tests.conftest import link_in_last_email, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def count_on_page(page):
    return int(page.get_by_test_id("signature-count").inner_text().replace(",", ""))


def count_after(page, expected, seconds):
    """The counter once it shows `expected`, reloading for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        page.wait_for_load_state("networkidle")
        count = count_on_page(page)
        if count == expected or time.monotonic() > deadline:
            return count
        time.sleep(1)
        page.reload()


def test_signature_counts_once_confirmed_by_email(page, site):
    call_command("load_demo", verbosity=0)
    page.goto(f"{site}/en/petition/")
    before = count_on_page(page)

    page.get_by_label("Your name").fill("Ani Example")
    page.get_by_label("Your e-mail address").fill("ani@example.org")
    page.get_by_label("Country").select_option("FR")
    page.get_by_label("Comment").fill("Bring them home.")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign", exact=True).click()
    assert page.url == f"{site}/en/petition/thanks/"
    screenshot(page, "journey-petition-en-thanks")
    assert len(mail.outbox) == 1

    page.goto(f"{site}/en/petition/")
    assert count_on_page(page) == before  # not yet: the address is unconfirmed

    # The link opens a page with a button: opening it alone (a mail scanner) counts nothing.
    page.goto(link_in_last_email("/en/petition/confirm/", to="ani@example.org"))
    assert page.locator("h1").inner_text() == "Confirm your signature"
    screenshot(page, "journey-petition-en-confirm")
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm", exact=True).click()
    assert page.locator("h1").inner_text() == "Thank you: your signature counts"
    screenshot(page, "journey-petition-en-confirmed")
    page.get_by_role("link", name="Back to the petition").click()
    page.wait_for_url(f"{site}/en/petition/")
    # The page comes from the page cache; its counter is read live, at most 5 s old.
    assert count_after(page, before + 1, seconds=8) == before + 1
