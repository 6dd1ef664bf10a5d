"""The campaign's own look (static/css/site.css): colours from a few documented tokens that keep
text readable, category tabs that work on a 320-px phone, and cards compact enough on a phone."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from conftest import make_detainee
from libertas.tests.conftest import SCREENSHOTS
from prisoners.models import Category, Status

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def tokens():
    """The custom properties of the stylesheet's first :root block, by name."""
    root = re.search(r":root\s*\{(.*?)\}", SITE_CSS.read_text(), re.S).group(1)
    return dict(re.findall(r"(--lib-[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", root))


def luminance(hex_colour):
    """WCAG 2 relative luminance of #rrggbb."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    r, g, b = linear
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other):
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_stylesheet_documents_its_tokens_at_the_top():
    css = SITE_CSS.read_text()
    assert css.index("Tokens.") < css.index(":root") < css.index("/* Base */")
    found = tokens()
    for name in ("--lib-red", "--lib-ink", "--lib-paper", "--lib-on-dark"):
        assert name in found
    assert "--lib-step-0" in css and "--lib-space-3" in css


def test_the_contrast_helper_measures_as_wcag_says():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-too-light grey


@pytest.mark.parametrize("category", [c.lower() for c in Category.values])
def test_initials_on_each_category_colour_keep_a_contrast_of_at_least_4_5(category):
    found = tokens()
    ratio = contrast(found["--lib-on-dark"], found[f"--lib-cat-{category}"])
    assert ratio >= 4.5, f"{category}: {ratio:.2f}"


def test_every_status_colour_is_readable_as_text_and_behind_text():
    found = tokens()
    for status in Status.values:
        colour = found[f"--lib-status-{status.lower()}"]
        # Solid badges put white text on it; outlined ones write in it on the page's paper.
        assert contrast(colour, found["--lib-on-dark"]) >= 4.5, status
        assert contrast(colour, found["--lib-paper"]) >= 4.5, status


def test_text_links_and_accents_keep_their_contrast():
    found = tokens()
    pairs = [
        ("--lib-ink", "--lib-paper"),
        ("--lib-muted", "--lib-paper"),
        ("--lib-muted", "--lib-sand"),
        ("--lib-red", "--lib-paper"),
        ("--lib-red", "--lib-sand"),
        ("--lib-red-dark", "--lib-gold"),
        ("--lib-on-dark", "--lib-red"),
    ]
    for text, background in pairs:
        ratio = contrast(found[text], found[background])
        assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}"


# In the browser.


def screenshot_path(name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def ten_people():
    categories = list(Category.values)
    for i in range(10):
        make_detainee(
            f"person-{i}",
            name=f"Person{i} Example",
            category=categories[i % 4],
            status=Status.UNKNOWN if i % 3 == 0 else Status.HELD,
        )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_every_category_tab_is_visible_and_reachable_on_a_320_px_phone(
    browser, live_server, language
):
    ten_people()
    # A phone: 320 px wide, with a touch screen.
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True
    )
    try:
        check_tabs_on_a_phone(context.new_page(), live_server, language)
    finally:
        context.close()


def check_tabs_on_a_phone(page, live_server, language):
    page.goto(f"{live_server.url}/{language}/prisoners/")
    tabs = page.locator(".registry-tabs a")
    assert tabs.count() == len(Category.values) + 1
    for i in range(tabs.count()):
        box = tabs.nth(i).bounding_box()
        # Inside the screen's width, nothing hidden behind a sideways scroll.
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (i, box)
        assert box["height"] >= 24  # a tap target
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    # By keyboard: Tab reaches every tab in order, and Enter follows it.
    page.locator("#registry-q").focus()
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.registry-tabs a')"):
            reached.append(page.evaluate("() => document.activeElement.getAttribute('href')"))
    assert len(set(reached)) == len(Category.values) + 1
    # By touch (a tap): the last tab, the one that used to sit off-screen.
    tabs.last.tap()
    page.wait_for_url("**category=DISAPPEARED")
    page.screenshot(path=screenshot_path(f"registry-tabs-320-{language}"), full_page=False)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_people_make_a_short_page_on_a_phone(page, live_server):
    ten_people()
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(f"{live_server.url}/en/prisoners/")
    assert page.locator(".detainee-card").count() == 10
    height = page.evaluate("() => document.documentElement.scrollHeight")
    # With a 450-px portrait each, ten people made a 6,700-px page; a row each now.
    assert height < 3000, height
