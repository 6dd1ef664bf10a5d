"""Private fields (consent, family contact, internal notes) never reach a public output."""

import datetime

import pytest
from django.urls import reverse
from PIL import Image

from conftest import make_detainee, put_photo
from prisoners.models import Visibility

MARKERS = {
    "consent_given_by": "MARKER-CONSENT-BY-7f3a",
    "consent_scope": "MARKER-SCOPE-91bc",
    "family_contact": "MARKER-FAMILY-+374-55-000-111",
    "internal_notes": "MARKER-NOTES-do-not-publish",
}
CONSENT_DATE = datetime.date(2011, 11, 11)  # appears on no public page otherwise


@pytest.fixture
def records(media):
    put_photo(media)
    public = make_detainee(
        consent_given_on=CONSENT_DATE,
        photo="detainees/portrait.jpg",
        biography_en="A public biography.",
        **MARKERS,
    )
    limited = make_detainee(
        slug="record-17",
        name_en="Hayk Movsisyan",
        visibility=Visibility.LIMITED,
        consent_given_on=CONSENT_DATE,
        **MARKERS,
    )
    return public, limited


def public_outputs(client, public, limited):
    """Every public view that can show a detainee, in every language."""
    for language in ["en", "fr", "hy"]:
        urls = [
            f"/{language}/",
            f"/{language}/prisoners/",
            f"/{language}/prisoners/?q=Karapetyan",
            f"/{language}/prisoners/?category=CIVILIAN&status=HELD",
            f"/{language}/prisoners/{public.slug}/",
            f"/{language}/prisoners/{limited.slug}/",
            f"/{language}/prisoners/export.csv",
            f"/{language}/prisoners/export.json",
        ]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            yield url, response.content.decode() + str(response.headers)
        for record in (public, limited):
            url = f"/{language}/prisoners/{record.slug}/share.png"
            response = client.get(url)
            assert response.status_code == 200, url
            image = Image.open(__import__("io").BytesIO(response.content))
            # The PNG's bytes, its text chunks and the response headers.
            text = response.content.decode("latin-1") + str(image.info) + str(response.headers)
            yield url, text


def test_no_private_value_appears_in_any_public_output(client, records):
    public, limited = records
    seen = 0
    for url, body in public_outputs(client, public, limited):
        seen += 1
        for field, marker in MARKERS.items():
            assert marker not in body, f"{field} leaks on {url}"
        for form in ["2011-11-11", "11/11/2011", "11.11.2011", "Nov. 11, 2011", "11 novembre 2011"]:
            assert form not in body, f"consent date leaks on {url}"
    assert seen == 30


def test_a_correction_report_page_with_errors_leaks_nothing(client, records):
    public, _limited = records
    response = client.post(reverse("prisoners:report", args=[public.slug]), {})
    assert response.status_code == 400
    body = response.content.decode()
    for marker in MARKERS.values():
        assert marker not in body
