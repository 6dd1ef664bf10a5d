"""A supporter, in each language: home page, the list, a category tab, a search in Armenian
script, a profile, then the language switcher, which keeps them on the same profile."""

import pytest
from django.core.management import call_command
from django.utils import translation

from libertas.tests.conftest import screenshot
from prisoners.models import Category, Detainee

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SLUG = "sample-aram-petrosyan"
# Each language switches to the next one, so every language is left and reached once.
NEXT = {"en": "fr", "fr": "hy", "hy": "en"}


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_supporter_finds_a_detainee_by_armenian_name_and_switches_language(
    page, live_server, language
):
    call_command("load_demo", verbosity=0)
    aram = Detainee.objects.get(slug=SLUG)
    with translation.override(language):
        pow_label = str(Category.POW.label)
        civilian_label = str(Category.CIVILIAN.label)

    page.goto(f"{live_server.url}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    page.locator(f"header a.nav-link[href='/{language}/prisoners/']").click()
    page.wait_for_url(f"**/{language}/prisoners/")

    tabs = page.locator(".registry-tabs")
    tabs.get_by_role("link", name=civilian_label).click()
    page.wait_for_url("**category=CIVILIAN")
    assert page.get_by_role("link", name=getattr(aram, f"name_{language}")).count() == 0

    tabs.get_by_role("link", name=pow_label).click()
    page.wait_for_url("**category=POW")
    assert tabs.locator("[aria-current=page]").inner_text().startswith(pow_label)

    search = page.locator("#registry-q")
    search.fill("Պետրոսյան")
    with page.expect_navigation():
        search.press("Enter")
    assert "category=POW" in page.url
    cards = page.locator(".detainee-card")
    assert cards.count() == 1
    name = getattr(aram, f"name_{language}")
    cards.get_by_role("link", name=name).click()
    page.wait_for_url(f"**/{language}/prisoners/{SLUG}/")
    assert page.locator("h1").inner_text() == name
    screenshot(page, f"journey-supporter-{language}-profile")

    other = NEXT[language]
    page.locator(f".language-switcher a[hreflang={other}]").click()
    page.wait_for_url(f"{live_server.url}/{other}/prisoners/{SLUG}/")
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("h1").inner_text() == getattr(aram, f"name_{other}")
