"""Staff read the e-mail about a new sponsorship request in their own language."""

import re

from django.core import mail
from django.urls import reverse

from common.models import LanguagePreference
from conftest import make_staff, signup_data
from sponsorships import services
from sponsorships.models import Sponsor

ARMENIAN_LETTERS = re.compile(r"[\u0531-\u0587]")


def test_a_pending_sponsorship_reaches_each_staff_member_in_their_language(
    client, aram, commitments, settings
):
    anahit = make_staff("anahit@example.org", "Editors")
    LanguagePreference.remember(anahit, "hy")
    # An address of no account reads the default language; case does not hide an account.
    settings.STAFF_EMAILS = ["Anahit@Example.org", "team@example.org"]
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    mail.outbox.clear()
    services.confirm_email(services.confirmation_token(Sponsor.objects.get()))

    by_address = {tuple(message.to): message for message in mail.outbox}
    assert set(by_address) == {("Anahit@Example.org",), ("team@example.org",)}
    armenian, english = by_address[("Anahit@Example.org",)], by_address[("team@example.org",)]
    assert "New sponsorship request" in english.subject
    assert "New sponsorship request" not in armenian.subject
    assert ARMENIAN_LETTERS.search(armenian.subject.replace("Ville de Valbrune", ""))
    assert ARMENIAN_LETTERS.search(armenian.body)
    # The admin's address opens in the reader's language too.
    assert "/hy/admin/sponsorships/sponsorship/" in armenian.body
    assert "/en/admin/sponsorships/sponsorship/" in english.body
    # The detainee is named in the reader's script.
    assert "Արամ Պետրոսյան" in armenian.body
    assert "Aram Petrosyan" in english.body
