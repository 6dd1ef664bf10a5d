"""Issue 19: in a real browser, the petition served from the page cache still signs (its CSRF
token fetched by live.js), and its counter shows a confirmed signature within 5 seconds."""

import time

import pytest

from campaign.models import Petition, Signature

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def cached_petition(settings, site):
    settings.PAGE_CACHE_SECONDS = 600
    return Petition.objects.create(
        title="Free them", text="Release them.", addressees="A minister", goal=100
    )


def test_a_cached_petition_page_signs_with_its_fetched_token(new_page, site, cached_petition):
    first = new_page()
    assert first.goto(f"{site}/en/petition/").headers["x-page-cache"] == "miss"
    page = new_page()  # another visitor, served the shared page
    response = page.goto(f"{site}/en/petition/")
    assert response.headers["x-page-cache"] == "hit"
    assert page.input_value("input[name=csrfmiddlewaretoken]") == ""
    page.fill("input[name=name]", "Anna Martin")
    page.fill("input[name=email]", "anna@example.org")
    page.select_option("select[name=country]", "FR")
    page.click("button[type=submit]")
    page.wait_for_url("**/en/petition/thanks/")
    assert Signature.objects.filter(email="anna@example.org").exists()


def test_the_cached_petition_counter_shows_a_confirmed_signature_within_5_seconds(
    new_page, site, cached_petition
):
    new_page().goto(f"{site}/en/petition/")
    Signature.objects.create(
        petition=cached_petition,
        name="Anna",
        email="a@example.org",
        country="FR",
        confirmed_at="2026-01-01T00:00Z",
    )
    time.sleep(5.5)  # the counter endpoint's life in the page cache
    page = new_page()
    response = page.goto(f"{site}/en/petition/")
    assert response.headers["x-page-cache"] == "hit"
    assert "0" in response.text().split('data-testid="signature-count">')[1][:3]
    counter = page.locator("[data-testid=signature-count]")
    counter.filter(has_text="1").wait_for(timeout=5000)
    sentence = page.inner_text("[data-count-field=sentence]")
    assert sentence == "confirmed signature out of a goal of 100"


def test_a_cached_message_page_sends_a_message_with_its_fetched_token(new_page, site, settings):
    from campaign.models import SolidarityMessage
    from conftest import make_detainee

    settings.PAGE_CACHE_SECONDS = 600
    detainee = make_detainee()
    url = f"{site}/en/message/{detainee.slug}/"
    assert new_page().goto(url).headers["x-page-cache"] == "miss"
    page = new_page()
    assert page.goto(url).headers["x-page-cache"] == "hit"
    assert page.input_value("input[name=csrfmiddlewaretoken]") == ""
    # A link is refused with the text kept, then the corrected message goes through.
    page.fill("textarea[name=text]", "Courage! More on www.example.org")
    page.fill("input[name=first_name]", "Claire")
    page.fill("input[name=city]", "Lyon")
    page.fill("input[name=email]", "claire@example.org")
    page.check("input[name=consent_public]")
    page.click("button[type=submit]")
    page.locator("text=messages may not contain links or addresses").wait_for()
    assert page.input_value("textarea[name=text]") == "Courage! More on www.example.org"
    page.screenshot(path="/tmp/h3/message-refused.png", full_page=True)
    page.fill("textarea[name=text]", "Courage! We think of you every day.")
    page.click("button[type=submit]")
    page.wait_for_url(f"**/en/message/{detainee.slug}/sent/")
    message = SolidarityMessage.objects.get()
    assert (message.first_name, message.city, message.language) == ("Claire", "Lyon", "en")
