"""“Report an inaccuracy”: stored for staff, e-mailed to them, protected from bots."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import make_detainee
from prisoners.models import CorrectionRequest

REPORT = {
    "what_is_wrong": "He was moved to another prison in May.",
    "evidence": "https://example.org/report-may",
    "name": "Mariam",
    "email": "mariam@example.org",
}


@pytest.fixture
def detainee(db):
    return make_detainee()


def report_url(detainee, language="en"):
    return f"/{language}/prisoners/{detainee.slug}/report/"


def test_a_report_is_stored_and_staff_are_emailed(client, detainee, settings):
    settings.STAFF_EMAILS = ["editors@example.org", "lead@example.org"]
    response = client.post(report_url(detainee), REPORT, follow=True)
    assert response.redirect_chain[-1][0] == detainee.get_absolute_url()
    assert "Your report has been sent" in response.content.decode()
    correction = CorrectionRequest.objects.get()
    assert correction.detainee == detainee and not correction.handled
    assert correction.what_is_wrong == REPORT["what_is_wrong"]
    [email] = mail.outbox
    assert email.to == ["editors@example.org", "lead@example.org"]
    assert "Ani Karapetyan" in email.subject
    assert REPORT["what_is_wrong"] in email.body
    assert f"/admin/prisoners/correctionrequest/{correction.pk}/change/" in email.body


def test_the_confirmation_is_translated(client, detainee):
    response = client.post(report_url(detainee, "hy"), REPORT, follow=True)
    assert "Շնորհակալություն" in response.content.decode()


def test_the_profile_links_to_the_report_form(client, detainee):
    report = reverse("prisoners:report", args=[detainee.slug])
    profile = client.get(detainee.get_absolute_url())
    assert f'href="{report}"' in profile.content.decode()
    assert "csrftoken" not in profile.cookies  # no form: the profile can be cached

    html = client.get(report).content.decode()
    assert f'action="{report}"' in html
    assert 'name="website"' in html


def test_a_bot_filling_the_honeypot_stores_nothing(client, detainee):
    response = client.post(report_url(detainee), {**REPORT, "website": "spam.example"})
    assert response.status_code == 302
    assert not CorrectionRequest.objects.exists()
    assert mail.outbox == []


def test_an_empty_report_keeps_what_was_typed(client, detainee):
    response = client.post(report_url(detainee), {**REPORT, "what_is_wrong": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required" in html
    assert "https://example.org/report-may" in html and "mariam@example.org" in html
    assert not CorrectionRequest.objects.exists()


def test_reports_are_rate_limited(client, detainee):
    for _ in range(5):
        client.post(report_url(detainee), REPORT)
    response = client.post(report_url(detainee), REPORT)
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert "mariam@example.org" in response.content.decode()  # what was typed is kept
    assert CorrectionRequest.objects.count() == 5


def test_staff_see_reports_in_the_admin(staff_client, detainee):
    CorrectionRequest.objects.create(detainee=detainee, what_is_wrong="Wrong birth year")
    html = staff_client.get("/en/admin/prisoners/correctionrequest/").content.decode()
    assert "Ani Karapetyan" in html


def test_a_staff_member_who_chose_french_reads_the_report_in_french(client, detainee, settings):
    from common.models import LanguagePreference
    from conftest import make_staff

    LanguagePreference.remember(make_staff("claire@example.org", "Editors"), "fr")
    settings.STAFF_EMAILS = ["claire@example.org"]
    client.post(report_url(detainee, "hy"), REPORT)  # the visitor's language does not count
    [email] = mail.outbox
    assert "/fr/admin/prisoners/correctionrequest/" in email.body
    assert "Ani Karapetian" in email.subject
