"""common.links: one signed-link scheme and one page for a link that does not work."""

import time

import pytest
from django.core import signing
from django.test import RequestFactory

from common import links
from common.tests.sources import app_sources


def test_a_token_reads_back_for_its_purpose():
    token = links.make_token("test.purpose", [7, "ani@example.org"])
    assert links.read_token("test.purpose", token) == [7, "ani@example.org"]


def test_a_token_made_for_one_purpose_opens_no_other():
    token = links.make_token("test.follow", [7, "ani@example.org"])
    with pytest.raises(links.InvalidLink) as error:
        links.read_token("test.signature", token)
    assert error.value.reason == "invalid"


def test_a_forged_or_cut_token_is_invalid():
    token = links.make_token("test.purpose", "x")
    for bad in (token[:-3], token + "x", "forged"):
        with pytest.raises(links.InvalidLink) as error:
            links.read_token("test.purpose", bad)
        assert error.value.reason == "invalid"


def test_an_old_token_is_expired(monkeypatch):
    token = links.make_token("test.purpose", "x")
    eight_days_later = time.time() + 8 * 24 * 60 * 60
    monkeypatch.setattr(time, "time", lambda: eight_days_later)
    with pytest.raises(links.InvalidLink) as error:
        links.read_token("test.purpose", token, max_age=7 * 24 * 60 * 60)
    assert error.value.reason == "expired"


def test_links_already_sent_keep_working():
    # The links e-mailed before this scheme were made by signing.dumps with the same salt.
    value = {"sponsor": 3, "email": "city@example.org"}
    sent = signing.dumps(value, salt="sponsorships.confirm-email")
    data = links.read_token("sponsorships.confirm-email", sent)
    assert data == {"sponsor": 3, "email": "city@example.org"}


def test_the_invalid_link_page_says_why_and_where_to_go(db):
    request = RequestFactory().get("/fr/")
    request.LANGUAGE_CODE = "fr"
    response = links.invalid_link(request, "expired")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This link does not work" in html and "has expired" in html


def test_the_invalid_link_page_carries_the_caller_s_message_and_next_step(db):
    request = RequestFactory().get("/en/")
    response = links.invalid_link(
        request, message="Ask again.", next_url="/en/sponsor/", next_label="Back", status=404
    )
    html = response.content.decode()
    assert response.status_code == 404
    assert "Ask again." in html and 'href="/en/sponsor/">Back<' in html


def test_no_app_signs_or_refuses_a_link_by_itself():
    found = [
        str(path)
        for path, text in app_sources()
        if path.name != "links.py"
        if "signing." in text or "link_invalid.html" in text or "TimestampSigner" in text
    ]
    assert found == []
