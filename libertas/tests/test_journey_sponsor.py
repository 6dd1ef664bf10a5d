"""A French city sponsors a detainee, from the public form to the printed banner: it signs up
(logo included), confirms its address by e-mail, a staff member signs in with the second
factor and approves it in the admin, the logo appears on the profile, and the city sets its
password from the approval e-mail, signs in and downloads its banner as a PDF."""

import io

import pytest
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from conftest import PASSWORD
from libertas.tests.conftest import (
    browser_sign_in,
    link_in_last_email,
    screenshot,
    staff_with_second_factor,
)
from sponsorships.models import Sponsor, Sponsorship
from sponsorships.views import picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CITY_EMAIL = "mairie@valence.example.org"
CITY_PASSWORD = "Un-mot-de-passe-solide-2026"


def logo_file(tmp_path):
    path = tmp_path / "logo-valence.png"
    Image.new("RGB", (300, 120), (20, 60, 140)).save(path, format="PNG")
    return path


def serve_media(page, site, media_root):
    # The live server serves static files only; a web server serves uploads in production.
    def from_media_root(route):
        relative = route.request.url.removeprefix(f"{site}/media/")
        route.fulfill(path=media_root / relative)

    page.route(f"{site}/media/**", from_media_root)


def test_city_signs_up_is_approved_and_downloads_its_banner(page, new_page, site, tmp_path):
    call_command("load_demo", verbosity=0)
    detainee = next(d for d in picker() if not d.sponsored)  # offered on the page as it opens

    # The city fills in every field of the form, in French.
    page.goto(f"{site}/fr/sponsor/")
    page.check(f"input[name=kind][value={Sponsor.Kind.CITY}]")
    page.fill("input[name=name]", "Ville de Valence")
    page.select_option("select[name=country]", "FR")
    page.fill("input[name=city]", "Valence")
    page.fill("input[name=website]", "https://valence.example.org")
    page.set_input_files("input[name=logo]", logo_file(tmp_path))
    page.fill("input[name=contact_name]", "Claire Martin")
    page.fill("input[name=email]", CITY_EMAIL)
    page.fill("input[name=phone]", "+33 4 75 00 00 00")
    page.check(f"#target-{detainee.pk}")
    for commitment in page.locator("input[name=commitments]").all()[:2]:
        commitment.check()
    page.check("input[name=public_consent]")
    screenshot(page, "journey-sponsor-fr-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer ma demande de parrainage").click()
    assert CITY_EMAIL in page.locator("main").inner_text()
    sponsorship = Sponsorship.objects.select_related("sponsor").get(sponsor__email=CITY_EMAIL)
    assert sponsorship.detainee == detainee
    assert sponsorship.commitments.count() == 2
    assert sponsorship.sponsor.logo

    # It confirms its address from the e-mail.
    page.goto(link_in_last_email("/fr/sponsor/confirm/", to=CITY_EMAIL))
    with page.expect_navigation():
        page.get_by_role("button", name="Confirmer").click()
    sponsorship.sponsor.refresh_from_db()
    assert sponsorship.sponsor.email_confirmed_at is not None

    # A staff member signs in with the second factor and approves it with the admin's button.
    admin = new_page()
    alice, secret = staff_with_second_factor("alice@example.org", is_superuser=True)
    browser_sign_in(admin, site, "fr", alice.email, PASSWORD, secret)
    admin.goto(f"{site}/fr/admin/sponsorships/sponsorship/{sponsorship.pk}/change/")
    admin.locator(".object-tools a[href$='/step/approve/']").click()
    admin.fill("textarea[name=message]", "Bienvenue parmi les parrains.")
    with admin.expect_navigation():
        admin.locator("input[type=submit]").click()
    assert admin.url.endswith(f"/fr/admin/sponsorships/sponsorship/{sponsorship.pk}/change/")
    sponsorship.refresh_from_db()
    assert sponsorship.status == Sponsorship.Status.ACTIVE

    # The city's logo is on the detainee's profile, and the browser can show it.
    serve_media(page, site, tmp_path / "media")
    page.goto(f"{site}/fr/prisoners/{detainee.slug}/")
    # A copy that fits its 48-px box (common.images), never the 300-px upload itself.
    stem = sponsorship.sponsor.logo.name.rpartition(".")[0]
    logo = page.locator(f"img[src='/media/renditions/{stem}-48x48.webp']")
    logo.scroll_into_view_if_needed()
    assert logo.evaluate("img => img.complete && img.naturalWidth") == 48
    assert "Ville de Valence" in page.locator("main").inner_text()
    screenshot(page, "journey-sponsor-fr-profile")

    # The city chooses its password from the approval e-mail, signs in, prints its banner.
    page.goto(link_in_last_email("/fr/accounts/password/reset/key/", to=CITY_EMAIL))
    page.fill("input[name=password1]", CITY_PASSWORD)
    page.fill("input[name=password2]", CITY_PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password2]", "Enter")
    page.wait_for_url("**/fr/accounts/password/reset/key/done/")

    # Another day, another browser: the city signs in with that password.
    page = new_page()
    browser_sign_in(page, site, "fr", CITY_EMAIL, CITY_PASSWORD)
    page.goto(f"{site}/fr/sponsor/portal/")
    page.locator(f"a[href='/fr/sponsor/portal/{sponsorship.pk}/']").click()
    page.wait_for_url(f"**/fr/sponsor/portal/{sponsorship.pk}/")
    with page.expect_download() as download:
        page.locator("a[href$='/banner/a4/?lang=fr']").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert detainee.name_fr in text
