"""What the e-mails to sponsors say: whom they are about, where a reply goes, how long a
link works."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from conftest import make_detainee, make_sponsor, make_sponsorship
from prisoners.models import Visibility
from sponsorships import services
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db


def pending(detainee, language="en"):
    sponsor = make_sponsor("Ville de Valence", language=language, email_confirmed_at=timezone.now())
    return make_sponsorship(sponsor, detainee, status=Sponsorship.Status.PENDING)


def every_step(sponsorship):
    """Approve, sign, end; then a second request, declined. Returns the e-mails sent."""
    services.approve(sponsorship)
    services.record_signing(sponsorship, datetime.date(2025, 3, 8), "Valence")
    services.end(sponsorship, datetime.date(2025, 9, 1), Sponsorship.EndReason.RELEASE)
    other = make_sponsorship(sponsorship.sponsor, sponsorship.detainee, Sponsorship.Status.PENDING)
    services.decline(other)
    return list(mail.outbox)


def test_every_email_about_a_sponsorship_names_the_detainee_in_subject_and_body():
    messages = every_step(pending(make_detainee(name_en="Ani Karapetyan")))
    assert len(messages) == 4
    for message in messages:
        assert "Ani Karapetyan" in message.subject, message.subject
        assert "Ani Karapetyan" in message.body, message.body


def test_a_limited_detainee_is_named_by_initials_only():
    detainee = make_detainee(name_en="Ani Karapetyan", visibility=Visibility.LIMITED)
    for message in every_step(pending(detainee)):
        assert "Karapetyan" not in message.subject + message.body
        assert detainee.public_name in message.body
        assert ".." not in message.subject + message.body  # initials end with a full stop


def test_the_armenian_email_names_the_detainee_in_armenian_script():
    detainee = make_detainee(name_en="Ani Karapetyan", name_hy="Անի Կարապետյան")
    for message in every_step(pending(detainee, language="hy")):
        assert "Անի Կարապետյան" in message.body
        assert "Karapetyan" not in message.body


def test_the_whole_group_is_named_as_such():
    messages = every_step(pending(None))
    for message in messages:
        assert "whole group" in message.subject + message.body


def test_the_decline_email_invites_a_reply_that_reaches_the_campaign(settings):
    settings.CONTACT_EMAIL = "campagne@example.org"
    services.decline(pending(make_detainee()))
    [message] = mail.outbox
    assert message.reply_to == ["campagne@example.org"]
    assert "no-reply" in message.from_email
    assert "reply to this e-mail" in message.body
    assert "campagne@example.org" in message.body


def test_every_email_to_a_sponsor_has_the_campaign_as_reply_to():
    for message in every_step(pending(make_detainee())):
        assert message.reply_to == [settings.CONTACT_EMAIL]


@pytest.mark.parametrize("lifetime_days", [3, 1])
def test_the_approval_email_says_when_the_password_link_expires(settings, lifetime_days):
    settings.PASSWORD_RESET_TIMEOUT = lifetime_days * 24 * 60 * 60
    before = timezone.now()
    services.approve(pending(make_detainee()))
    after = timezone.now()
    [message] = mail.outbox
    lifetime = datetime.timedelta(days=lifetime_days)
    with translation.override("en"):
        moments = {
            date_format(timezone.localtime(moment + lifetime), "DATETIME_FORMAT")
            for moment in (before, after)
        }
    assert any(
        f"This link works until {moment} (time zone: Paris)" in message.body for moment in moments
    ), message.body
