"""The forms can be completed with the keyboard alone: Tab and Shift+Tab to move, arrows to
choose in a radio group, Space to tick, Enter to send; no mouse click. Every stop on the way
shows where the focus is. And the skip link takes a keyboard user straight to the content."""

import pytest
from django.core import mail
from django.core.management import call_command

from campaign.models import Signature
from donations.models import Donation, Frequency
from libertas.tests.conftest import screenshot
from sponsorships.models import Sponsor, Sponsorship

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# How the focused element shows it: an outline or a focus ring (Bootstrap's box-shadow).
FOCUS_INDICATOR = """() => {
    const s = getComputedStyle(document.activeElement);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    return outline || s.boxShadow !== "none";
}"""


def focused(page, selector):
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def tab_to(page, selector, backwards=False, limit=120):
    """Press Tab (or Shift+Tab) until `selector` has the focus, checking it is visible."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if focused(page, selector):
            assert page.evaluate(FOCUS_INDICATOR), f"no visible focus on {selector}"
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


def checked(page, name):
    return page.eval_on_selector(f"input[name={name}]:checked", "e => e.value")


def test_skip_link_moves_focus_to_the_content(page, live_server):
    call_command("load_demo", verbosity=0)
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    assert focused(page, "a.skip-link")
    skip = page.locator("a.skip-link")
    assert skip.is_visible() and skip.bounding_box()["width"] > 0
    assert page.evaluate(FOCUS_INDICATOR)
    screenshot(page, "keyboard-skip-link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/#main")
    assert focused(page, "main#main")
    # The next Tab continues inside the content, past the whole menu.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def test_donate_form_with_the_keyboard_alone(page, site, stripe_http):
    page.goto(f"{site}/en/donate/")
    tab_to(page, "input[name=amount_choice]")
    assert checked(page, "amount_choice") == "50"
    page.keyboard.press("ArrowRight")
    assert checked(page, "amount_choice") == "100"
    tab_to(page, "select[name=currency]")
    page.keyboard.press("ArrowDown")
    assert page.input_value("select[name=currency]") == "USD"
    page.keyboard.press("ArrowUp")
    assert page.input_value("select[name=currency]") == "EUR"
    tab_to(page, "input[name=frequency]")
    page.keyboard.press("ArrowRight")
    assert checked(page, "frequency") == Frequency.MONTHLY
    tab_to(page, "input[name=donor_name]")
    page.keyboard.type("Nare Sample")
    tab_to(page, "input[name=donor_email]")
    page.keyboard.type("nare@example.org")
    tab_to(page, "input[name=show_on_wall]")
    page.keyboard.press("Space")
    # Back up to correct the name, then on to the button.
    tab_to(page, "input[name=donor_name]", backwards=True)
    page.keyboard.press("Control+A")
    page.keyboard.type("Nare Sarkissian")
    tab_to(page, "form button[type=submit]")
    screenshot(page, "keyboard-donate")
    with page.expect_request("https://checkout.stripe.com/**"):
        page.keyboard.press("Enter")

    donation = Donation.objects.get()
    assert (donation.amount, donation.currency, donation.frequency) == (10000, "EUR", "MONTHLY")
    assert (donation.donor_name, donation.show_on_wall) == ("Nare Sarkissian", True)


def test_petition_form_with_the_keyboard_alone(page, site):
    call_command("load_demo", verbosity=0)
    page.goto(f"{site}/en/petition/")
    tab_to(page, "input[name=name]")
    page.keyboard.type("Ani Example")
    tab_to(page, "input[name=email]")
    page.keyboard.type("ani@example.org")
    tab_to(page, "select[name=country]")
    page.keyboard.type("France")  # a closed list jumps to the option typed
    assert page.input_value("select[name=country]") == "FR"
    tab_to(page, "textarea[name=comment]")
    page.keyboard.type("Bring them home.")
    tab_to(page, "form button[type=submit]")
    screenshot(page, "keyboard-petition")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/petition/thanks/")
    signature = Signature.objects.get(email="ani@example.org")  # the demo has signers too
    assert (signature.name, signature.country, signature.comment) == (
        "Ani Example",
        "FR",
        "Bring them home.",
    )
    assert mail.outbox[-1].to == ["ani@example.org"]


def test_sponsor_signup_form_with_the_keyboard_alone(page, site, tmp_path):
    from PIL import Image

    call_command("load_demo", verbosity=0)
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), (20, 60, 140)).save(logo)
    page.goto(f"{site}/en/sponsor/")
    tab_to(page, "input[name=kind]")
    page.keyboard.press("Space")
    assert checked(page, "kind") == Sponsor.Kind.CITY
    tab_to(page, "input[name=name]")
    page.keyboard.type("City of Lyon")
    tab_to(page, "select[name=country]")
    page.keyboard.type("France")
    tab_to(page, "input[name=city]")
    page.keyboard.type("Lyon")
    tab_to(page, "input[name=website]")
    page.keyboard.type("https://lyon.example.org")
    tab_to(page, "input[name=logo]")
    # Space opens the system's file dialog; here Playwright answers it.
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(logo)
    tab_to(page, "input[name=contact_name]")
    page.keyboard.type("Claire Martin")
    tab_to(page, "input[name=email]")
    page.keyboard.type("mairie@lyon.example.org")
    tab_to(page, "input[name=phone]")
    page.keyboard.type("+33 4 00 00 00 00")
    tab_to(page, "input[name=target]")
    page.keyboard.press("Space")  # ticks the whole group, first in the list
    assert checked(page, "target") == "group"
    page.keyboard.press("ArrowDown")  # moves the choice to the first detainee
    first_detainee = page.eval_on_selector_all("input[name=target]", "l => l[1].value")
    assert checked(page, "target") == first_detainee
    tab_to(page, "input[name=commitments]")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    tab_to(page, "input[name=public_consent]")
    page.keyboard.press("Space")
    tab_to(page, "form.sponsor-form button[type=submit]")
    screenshot(page, "keyboard-sponsor")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    sponsorship = Sponsorship.objects.select_related("sponsor").get(
        sponsor__email="mairie@lyon.example.org"
    )
    sponsor = sponsorship.sponsor
    assert (sponsor.name, sponsor.country, sponsor.city, sponsor.kind) == (
        "City of Lyon",
        "FR",
        "Lyon",
        Sponsor.Kind.CITY,
    )
    assert sponsor.logo and sponsor.public_consent
    assert str(sponsorship.detainee_id) == first_detainee
    assert sponsorship.commitments.count() == 2
    assert mail.outbox[-1].to == ["mairie@lyon.example.org"]
