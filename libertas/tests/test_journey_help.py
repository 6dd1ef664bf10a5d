"""The journeys of "what no other campaign site has", in a real browser.

A supporter, in French, goes from the home page to who can be helped now, opens a person waiting
for a sponsor, writes them a message of solidarity (confirmed by the e-mailed link) and prints a
letter to a decision maker about them, which the counter of letters opened counts.

A sponsor signs in, lands in their portal, records an action; a staff member publishes it from
the admin after its question; the action then shows on the person's profile, and the sponsor's
place on the map counts it.
"""

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaign.models import LettersOpened, SolidarityMessage
from conftest import PASSWORD, make_user
from libertas.tests.conftest import (
    browser_sign_in,
    link_in_last_email,
    screenshot,
    staff_with_second_factor,
)
from sponsorships.models import Sponsor, SponsorAction, Sponsorship

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_supporter_finds_someone_who_needs_help_writes_to_them_and_prints_a_letter(page, site):
    call_command("load_demo", verbosity=0)
    page.goto(f"{site}/fr/")
    page.locator(".help-now-strip a.btn").click()
    page.wait_for_url("**/fr/help-now/")
    waiting = page.locator("#waiting").locator("xpath=..")
    first = waiting.locator(".help-item a.fw-semibold").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/fr/prisoners/**")
    assert page.locator("h1").inner_text() == name
    screenshot(page, "journey-help-fr-profile")

    # A message of solidarity, from the profile.
    page.locator(".solidarity-messages a.btn").click()
    page.wait_for_url("**/fr/message/**")
    page.fill("textarea[name=text]", "Nous pensons à vous chaque jour. Courage !")
    page.fill("input[name=first_name]", "Claire")
    page.fill("input[name=city]", "Lyon")
    page.fill("input[name=email]", "claire@example.org")
    page.check("input[name=consent_public]")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert "/sent/" in page.url
    page.goto(link_in_last_email("/message/confirm/", to="claire@example.org"))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    written = SolidarityMessage.objects.get(email="claire@example.org")
    assert written.status == SolidarityMessage.Status.CONFIRMED  # waits for moderation

    # A letter about them, from the profile's "write to a decision maker".
    page.go_back()
    page.goto(f"{site}/fr/prisoners/{written.detainee.slug}/")
    page.locator("a[href*='/fr/take-action/'][href*='detainee=']").first.click()
    page.wait_for_url("**/fr/take-action/**")
    letter = page.locator("#letter-body").input_value()
    assert written.detainee.name_fr in letter
    before = sum(LettersOpened.objects.values_list("count", flat=True))
    with page.expect_navigation():
        page.locator("[data-letter-press][href*='/take-action/letter/']").first.click()
    assert "/take-action/letter/" in page.url
    screenshot(page, "journey-help-fr-letter")
    page.wait_for_timeout(300)  # the beacon is sent as the page changes
    assert sum(LettersOpened.objects.values_list("count", flat=True)) == before + 1


def test_a_sponsor_records_an_action_that_staff_publish_on_the_profile_and_the_map(
    page, new_page, site
):
    call_command("load_demo", verbosity=0)
    sponsorship = Sponsorship.objects.get(sponsor__name_en="Sample town of Valbrune")
    sponsor = sponsorship.sponsor
    account = make_user("mairie@valbrune.example.org")
    Sponsor.objects.filter(pk=sponsor.pk).update(
        user=account, email=account.email, email_confirmed_at=timezone.now()
    )

    browser_sign_in(page, site, "en", account.email, PASSWORD)
    assert "/sponsor/portal/" in page.url  # sponsors land in their portal
    page.goto(f"{site}/en/sponsor/portal/{sponsorship.pk}/")
    page.locator("a[href$='/actions/new/']").click()
    page.select_option("select[name=kind]", "EVENT")
    page.fill("input[name=date]", timezone.localdate().isoformat())
    page.fill("textarea[name=text]", "A concert for Aram in the town square, with his portrait.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    action = SponsorAction.objects.get(text__startswith="A concert for Aram")
    assert action.status == SponsorAction.Status.PENDING

    staff_page = new_page()
    _staff, secret = staff_with_second_factor("staff@example.org", is_superuser=True)
    browser_sign_in(staff_page, site, "en", "staff@example.org", PASSWORD, secret)
    staff_page.goto(f"{site}/en/admin/sponsorships/sponsoraction/?status__exact=PENDING")
    staff_page.check(f"input[name=_selected_action][value='{action.pk}']")
    staff_page.select_option("select[name=action]", "approve_sponsor_action")
    with staff_page.expect_navigation():
        staff_page.locator("button[name=index]").click()
    staff_page.fill("textarea[name=reason]", "Checked with the town hall")
    with staff_page.expect_navigation():
        staff_page.locator("input[type=submit], button[type=submit]").last.click()
    action.refresh_from_db()
    assert action.status == SponsorAction.Status.APPROVED
    screenshot(staff_page, "journey-sponsor-action-admin")

    page.goto(f"{site}/en/prisoners/{sponsorship.detainee.slug}/")
    assert "A concert for Aram" in page.locator(".detainee-actions").inner_text()
    page.goto(f"{site}/en/sponsors/map/")
    place = page.locator(".sponsor-places > li", has_text="Sample town of Valbrune")
    assert "3 actions recorded" in place.inner_text()
    assert page.locator(".sponsor-map circle").count() >= 1
    screenshot(page, "journey-sponsor-map")
