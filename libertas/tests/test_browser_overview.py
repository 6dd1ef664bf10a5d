"""The staff overview in a browser, in Armenian and English, for each role: it renders, its
figures are visible and link to their lists, and the page says it is Armenian."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from conftest import PASSWORD, make_detainee, make_donation, make_sponsor, make_sponsorship
from donations.models import DonationStatus
from libertas.tests.conftest import browser_sign_in, screenshot, staff_with_second_factor
from prisoners.models import CorrectionRequest
from sponsorships.models import Sponsorship

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def records():
    ani = make_detainee()
    make_sponsorship(make_sponsor(), ani, status=Sponsorship.Status.PENDING)
    CorrectionRequest.objects.create(detainee=ani, what_is_wrong="Date", email="r@example.org")
    make_donation(status=DonationStatus.PAID, paid_at=timezone.now())


def open_overview(new_page, site, language, email, secret):
    page = new_page()
    browser_sign_in(page, site, language, email, PASSWORD, secret)
    page.goto(f"{site}/{language}/admin/")
    return page


@pytest.mark.parametrize("language", ["hy", "en"])
def test_the_overview_renders_for_each_role(new_page, live_server, language):
    site = live_server.url
    records()
    alice, alice_secret = staff_with_second_factor("alice@example.org", is_superuser=True)
    page = open_overview(new_page, site, language, alice.email, alice_secret)
    assert page.locator("html").get_attribute("lang") == language
    sections = page.locator(".overview-section")
    assert sections.count() >= 5
    assert page.locator(".overview-figure").first.is_visible()
    # Every figure with a link leads to a list that opens.
    assert page.locator(".overview-figure dd a").count() >= 5
    assert page.locator("details.technical-apps").count() == 1
    screenshot(page, f"overview-superuser-{language}")
    page.locator("#overview-sponsorships dd a").first.click()
    assert "/admin/sponsorships/sponsorship/" in page.url and page.locator("#result_list")

    for group in ["Editors", "Finance"]:
        user, secret = staff_with_second_factor(f"{group.lower()}@example.org")
        user.groups.add(Group.objects.get(name=group))
        page = open_overview(new_page, site, language, user.email, secret)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("details.technical-apps").count() == 0
        donations = page.locator("#overview-donations").count()
        assert donations == (1 if group == "Finance" else 0)
        assert page.locator("#overview-corrections").count() == (1 if group == "Editors" else 0)
        screenshot(page, f"overview-{group.lower()}-{language}")
