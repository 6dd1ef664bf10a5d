"""The sponsor portal: each sponsor reaches only their own agreements and banners."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from common.urls import site_host
from conftest import make_detainee, make_sponsor, make_sponsorship, make_user
from prisoners.models import TimelineEvent, Visibility
from sponsorships.models import Sponsorship
from sponsorships.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def sponsor_a(db):
    return make_sponsor("Town A", user=make_user("a@example.org"))


@pytest.fixture
def sponsor_b(db):
    return make_sponsor("Town B", user=make_user("b@example.org"))


def with_agreement(sponsorship):
    sponsorship.agreement.save("agreement.pdf", ContentFile(PDF))
    return sponsorship


def pdf_text(content):
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return "".join(page.extract_text() for page in reader.pages)


def test_the_portal_shows_nothing_but_a_sign_in_link_to_visitors(client, aram, sponsor_a):
    mine = with_agreement(make_sponsorship(sponsor_a, aram))
    page = client.get(reverse("sponsorships:portal")).content.decode()
    assert reverse("account_login") + "?next=" in page
    assert "Town A" not in page
    for url in (
        reverse("sponsorships:portal_detail", args=[mine.pk]),
        reverse("sponsorships:agreement", args=[mine.pk]),
        reverse("sponsorships:banner", args=[mine.pk, "poster"]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_sponsor_a_sees_only_their_own_sponsorships(client, aram, sponsor_a, sponsor_b):
    make_sponsorship(sponsor_a, aram)
    make_sponsorship(sponsor_b, None)
    client.force_login(sponsor_a.user)
    page = client.get(reverse("sponsorships:portal")).content.decode()
    assert "Town A" in page
    assert "Town B" not in page


def test_sponsor_a_cannot_open_sponsor_b_s_page_agreement_or_banner(
    client, aram, sponsor_a, sponsor_b
):
    theirs = with_agreement(make_sponsorship(sponsor_b, aram))
    client.force_login(sponsor_a.user)
    for url in (
        reverse("sponsorships:portal_detail", args=[theirs.pk]),
        reverse("sponsorships:agreement", args=[theirs.pk]),
        reverse("sponsorships:banner", args=[theirs.pk, "poster"]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_sponsor_downloads_their_own_agreement(client, aram, sponsor_a):
    mine = with_agreement(make_sponsorship(sponsor_a, aram))
    client.force_login(sponsor_a.user)
    response = client.get(reverse("sponsorships:agreement", args=[mine.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]


def test_the_portal_page_shows_status_commitments_and_latest_timeline(
    client, aram, sponsor_a, commitments
):
    mine = make_sponsorship(sponsor_a, aram)
    mine.commitments.set(commitments[1:2])
    TimelineEvent.objects.create(detainee=aram, date="2024-02-01", kind="HEARING", text="Hearing")
    client.force_login(sponsor_a.user)
    page = client.get(reverse("sponsorships:portal_detail", args=[mine.pk])).content.decode()
    assert "Active" in page
    assert commitments[1].title in page
    assert "Hearing" in page
    assert reverse("sponsorships:banner", args=[mine.pk, "rollup"]) in page


@pytest.mark.parametrize("size", ["poster", "a4", "rollup"])
def test_the_banner_is_a_valid_pdf_with_the_detainee_s_name(client, sponsor_a, size):
    aram = make_detainee("aram", name="Aram Petrosyan", captured_on=datetime.date(2020, 12, 13))
    mine = make_sponsorship(sponsor_a, aram)
    client.force_login(sponsor_a.user)
    response = client.get(reverse("sponsorships:banner", args=[mine.pk, size]) + "?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Aram Petrosyan" in text
    assert site_host() in text
    # Grouped as the profile groups it (the one Detainee.days_held_label).
    assert f"{aram.days_held:,} days in captivity" in text


def test_the_armenian_banner_carries_the_name_in_armenian_script(client, sponsor_a):
    detainee = make_detainee(slug="held", name_hy="Արամ Պետրոսյան", captured_on="2021-01-01")
    mine = make_sponsorship(sponsor_a, detainee)
    client.force_login(sponsor_a.user)
    response = client.get(reverse("sponsorships:banner", args=[mine.pk, "poster"]) + "?lang=hy")
    text = pdf_text(response.content)
    assert "Արամ Պետրոսյան" in text
    assert site_host() in text


def test_the_banner_of_a_limited_record_has_initials_and_no_photo(client, sponsor_a, media):
    detainee = make_detainee(slug="lim", name="Narek Avetisyan", visibility=Visibility.LIMITED)
    detainee.photo.save("face.png", ContentFile(png_bytes()))
    mine = make_sponsorship(sponsor_a, detainee)
    client.force_login(sponsor_a.user)
    content = client.get(reverse("sponsorships:banner", args=[mine.pk, "a4"])).content
    text = pdf_text(content)
    assert "N. A." in text
    assert "Narek" not in text
    assert len(PdfReader(io.BytesIO(content)).pages[0].images) == 0


def test_the_banner_of_a_public_record_carries_the_photo(client, aram, sponsor_a, media):
    aram.photo.save("face.png", ContentFile(png_bytes()))
    mine = make_sponsorship(sponsor_a, aram)
    client.force_login(sponsor_a.user)
    content = client.get(reverse("sponsorships:banner", args=[mine.pk, "a4"])).content
    assert len(PdfReader(io.BytesIO(content)).pages[0].images) == 1


def test_the_whole_group_banner_is_a_valid_pdf(client, aram, sponsor_a):
    mine = make_sponsorship(sponsor_a, None)
    client.force_login(sponsor_a.user)
    response = client.get(reverse("sponsorships:banner", args=[mine.pk, "poster"]) + "?lang=fr")
    assert site_host() in pdf_text(response.content)


def test_no_banner_before_approval_or_for_a_hidden_record(client, sponsor_a):
    pending = make_sponsorship(sponsor_a, make_detainee(), status=Sponsorship.Status.PENDING)
    hidden = make_sponsorship(
        sponsor_a, make_detainee(slug="hid", name="Hid Den", visibility=Visibility.HIDDEN)
    )
    client.force_login(sponsor_a.user)
    for sponsorship in (pending, hidden):
        url = reverse("sponsorships:banner", args=[sponsorship.pk, "poster"])
        assert client.get(url).status_code == 404


def portal_urls(sponsorship):
    return [
        reverse("sponsorships:portal_detail", args=[sponsorship.pk]),
        reverse("sponsorships:agreement", args=[sponsorship.pk]),
        reverse("sponsorships:banner", args=[sponsorship.pk, "poster"]),
    ]


@pytest.mark.parametrize("gap", ["other address", "unverified", "sponsor unconfirmed"])
def test_a_link_not_backed_by_a_verified_address_opens_nothing(client, aram, gap):
    from allauth.account.models import EmailAddress

    user = make_user("linked@example.org")
    sponsor = make_sponsor("Town L", user=user)
    if gap == "other address":
        # Linked by hand, or the account's address changed since: not the sponsor's.
        sponsor.email = "town-l@example.org"
        sponsor.save(update_fields=["email"])
    elif gap == "unverified":
        EmailAddress.objects.filter(user=user).update(verified=False)
    else:
        sponsor.email_confirmed_at = None
        sponsor.save(update_fields=["email_confirmed_at"])
    mine = with_agreement(make_sponsorship(sponsor, aram))
    client.force_login(user)
    assert "Town L" not in client.get(reverse("sponsorships:portal")).content.decode()
    for url in portal_urls(mine):
        assert client.get(url).status_code == 404, url
