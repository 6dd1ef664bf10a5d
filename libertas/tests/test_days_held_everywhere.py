"""One "days held" phrase across apps: the profile, the list card, the share image, the banner,
the poster and the follower's e-mail all say what Detainee.days_held_phrase() says."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from conftest import make_detainee
from prisoners.models import Category, Status
from prisoners.share import plan_share
from sponsorships import pdf

CASES = {
    "held": {"status": Status.HELD, "captured_on": datetime.date(2021, 3, 1)},
    "disappeared": {
        "status": Status.UNKNOWN,
        "category": Category.DISAPPEARED,
        "captured_on": None,
        "last_seen_on": datetime.date(2020, 10, 5),
    },
    "released": {
        "status": Status.RELEASED,
        "captured_on": datetime.date(2020, 11, 1),
        "released_on": datetime.date(2023, 12, 13),
    },
    "deceased": {
        "status": Status.DECEASED,
        "captured_on": datetime.date(2020, 11, 1),
        "died_on": datetime.date(2022, 6, 1),
    },
}


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("case", CASES)
def test_every_output_says_the_same_days_held(client, db, case):
    detainee = make_detainee(slug=f"d-{case}", name="Lusine Test", **CASES[case])
    with translation.override("en"):
        label = detainee.days_held_label
    assert label and str(detainee.days_held_phrase().number) in label.replace(",", "")

    profile = client.get(f"/en/prisoners/{detainee.slug}/").content.decode()
    assert label in profile
    # Every status: the list's default shows only those still held.
    listing = client.get("/en/prisoners/?status=ALL").content.decode()
    assert label in listing

    with translation.override("en"):
        assert label in [line.text for line in plan_share(detainee)]
        banner = pdf.detainee_banner(detainee, "a4")
    poster = client.get(reverse("prisoners:poster", args=[detainee.slug]))
    if case == "deceased":
        # No poster and no banner for the dead: a campaign's call is wrong for them.
        assert banner is None
        assert poster.status_code == 404
    else:
        assert label in pdf_text(banner)
        assert label in pdf_text(poster.content)
