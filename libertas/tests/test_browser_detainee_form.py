"""Issue 16's browser test of the detainee form, in Armenian: the form loads in hy, changing
the category hides and shows its sections, the one language switcher shows each translated
field in one language and says which languages are filled in, and the preview opens the
public profile with what was typed, unsaved."""

import pytest

from conftest import PASSWORD, make_detainee
from libertas.tests.conftest import browser_sign_in, screenshot, staff_with_second_factor
from prisoners.models import Category, Detainee

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def visible(page, selector):
    return page.locator(selector).is_visible()


def test_the_detainee_form_in_armenian(page, site):
    detainee = make_detainee(category=Category.POW, name_fr="")
    alice, secret = staff_with_second_factor("alice@example.org", is_superuser=True)
    browser_sign_in(page, site, "hy", alice.email, PASSWORD, secret)
    page.goto(f"{site}/hy/admin/prisoners/detainee/{detainee.pk}/change/")
    assert page.locator("html").get_attribute("lang") == "hy"

    # Sections of the category only, switched live.
    assert visible(page, "fieldset.section-legal")
    assert not visible(page, "fieldset.section-disappearance")
    page.select_option("#id_category", Category.DISAPPEARED)
    assert visible(page, "fieldset.section-disappearance")
    assert not visible(page, "fieldset.section-legal")
    page.select_option("#id_category", Category.POW)
    assert visible(page, "fieldset.section-legal")
    assert not visible(page, "fieldset.section-disappearance")

    # One switcher, starting in the admin's language; each field says what is filled in.
    assert page.locator("#translation-switcher").count() == 1
    assert page.locator(".ui-tabs-nav").count() == 0
    assert visible(page, "#id_name_hy")
    assert not visible(page, "#id_name_en")
    filled = page.locator(".field-name_hy .mt-filled [aria-hidden=true]")
    assert filled.inner_text() == "en ✓ fr – hy ✓"
    page.click("#translation-switcher button[data-language=fr]")
    assert visible(page, "#id_name_fr") and not visible(page, "#id_name_hy")
    page.fill("#id_name_fr", "Ani Karapetian")
    assert page.locator(".field-name_fr .mt-filled [aria-hidden=true]").inner_text() == (
        "en ✓ fr ✓ hy ✓"
    )
    page.click("#translation-switcher button[data-language='']")
    assert visible(page, "#id_name_en") and visible(page, "#id_name_hy")
    page.click("#translation-switcher button[data-language=hy]")

    height = page.evaluate("document.documentElement.scrollHeight")
    inputs = page.locator(
        "#detainee_form input:not([type=hidden]):visible, #detainee_form select:visible, "
        "#detainee_form textarea:visible"
    ).count()
    print(f"detainee form in hy at 1280 px: {height} px tall, {inputs} inputs shown")
    screenshot(page, "admin-detainee-form-hy")

    # The preview: the typed name, in Armenian, in a new tab; the record is unchanged.
    page.fill("#id_name_hy", "Աննա Կարապետյան")
    with page.context.expect_page() as opened:
        page.click("#detainee_form button[formaction$='/preview/']")
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.locator("html").get_attribute("lang") == "hy"
    assert preview.locator("h1").inner_text() == "Աննա Կարապետյան"
    assert preview.locator("meta[name=robots]").get_attribute("content") == "noindex, nofollow"
    assert Detainee.objects.get(pk=detainee.pk).name_hy == "Անի Կարապետյան"
