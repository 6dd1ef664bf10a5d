"""The whole path: sign-up, e-mail confirmation, staff approval, public display."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.template import Context, Template
from django.urls import reverse

from conftest import make_detainee, signup_data
from sponsorships import services
from sponsorships.models import Sponsor, Sponsorship

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_signup_confirm_approve_then_sponsor_is_shown_on_wall_and_profile_tag(
    client, aram, commitments, settings
):
    settings.STAFF_EMAILS = ["staff@example.org"]
    response = client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    assert response.status_code == 200
    assert "mairie@valbrune.example.org" in response.content.decode()

    sponsorship = Sponsorship.objects.get()
    assert sponsorship.status == Sponsorship.Status.PENDING
    assert sponsorship.detainee == aram
    assert sponsorship.commitments.count() == 2
    assert sponsorship.sponsor.email_confirmed_at is None
    assert sponsorship.sponsor.language == "en"

    # Unconfirmed: nothing has reached staff yet.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mairie@valbrune.example.org"]
    confirm_url = link_in(mail.outbox[0])
    path = confirm_url.removeprefix(settings.SITE_URL)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200

    sponsorship.sponsor.refresh_from_db()
    assert sponsorship.sponsor.email_confirmed_at is not None
    staff_mail = mail.outbox[1]
    assert staff_mail.to == ["staff@example.org"]
    assert "Ville de Valbrune" in staff_mail.subject

    # Still pending: not public before staff approve.
    assert "Ville de Valbrune" not in client.get(reverse("sponsorships:wall")).content.decode()

    services.approve(sponsorship, "Welcome aboard.")
    sponsorship.refresh_from_db()
    assert sponsorship.status == Sponsorship.Status.ACTIVE
    sponsor = sponsorship.sponsor
    assert sponsor.user.email == "mairie@valbrune.example.org"
    assert not sponsor.user.has_usable_password()
    assert EmailAddress.objects.get(user=sponsor.user).verified
    approval = mail.outbox[2]
    assert "Welcome aboard." in approval.body
    assert "/en/accounts/password/reset/key/" in approval.body

    wall = client.get(reverse("sponsorships:wall")).content.decode()
    assert "Ville de Valbrune" in wall
    assert "Aram Petrosyan" in wall
    tag = Template("{% load sponsorships_tags %}{% detainee_sponsors detainee %}")
    assert "Ville de Valbrune" in tag.render(Context({"detainee": aram}))


def test_the_set_password_link_lets_the_new_sponsor_sign_in_to_the_portal(
    client, aram, commitments
):
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    sponsor = Sponsor.objects.get()
    services.confirm_email(services.confirmation_token(sponsor))
    services.approve(Sponsorship.objects.get())
    reset_path = link_in(mail.outbox[-1]).removeprefix(settings.SITE_URL)

    # allauth swaps the key for a session and redirects to the form.
    response = client.get(reset_path, follow=True)
    assert response.status_code == 200
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    new_password = "a-long-new-password-for-valbrune"
    response = client.post(form_path, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": sponsor.email, "password": new_password}
    )
    assert response.status_code == 302
    portal = client.get(reverse("sponsorships:portal"))
    assert portal.status_code == 200
    assert "Ville de Valbrune" in portal.content.decode()


def test_signing_up_for_the_whole_group_lists_the_sponsor_in_its_own_section(
    client, aram, commitments
):
    client.post(reverse("sponsorships:signup"), signup_data(None, commitments))
    sponsorship = Sponsorship.objects.get()
    assert sponsorship.detainee is None
    services.confirm_email(services.confirmation_token(sponsorship.sponsor))
    services.approve(sponsorship)
    response = client.get(reverse("sponsorships:wall"))
    group_section = response.content.decode().split('id="group-sponsors"')[1].split("</section>")[0]
    assert "Ville de Valbrune" in group_section


def test_the_form_offers_detainees_without_a_sponsor_first_and_names_existing_sponsors(
    client, aram, commitments
):
    from conftest import make_sponsor, make_sponsorship

    zara = make_detainee(slug="zara", name="Zara Unsponsored", name_hy="Զառա")
    make_sponsorship(make_sponsor("Ville Amie"), aram)
    page = client.get(reverse("sponsorships:signup")).content.decode()
    assert page.index("Zara Unsponsored") < page.index("Aram Petrosyan")
    assert "Already sponsored by:" in page
    assert "Ville Amie" in page
    assert zara.get_category_display() in page


def test_a_reused_confirmation_link_is_refused_with_a_clear_page(client, aram, commitments):
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    token = services.confirmation_token(Sponsor.objects.get())
    path = reverse("sponsorships:confirm", args=[token])
    assert client.post(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 400
    assert "already been confirmed" in response.content.decode()
    assert len(mail.outbox) == 2  # the confirmation and one staff notice, not two


def test_a_forged_confirmation_link_is_refused(client, aram, commitments):
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    token = services.confirmation_token(Sponsor.objects.get())
    response = client.get(reverse("sponsorships:confirm", args=[token[:-3] + "abc"]))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert Sponsor.objects.get().email_confirmed_at is None


def test_an_expired_confirmation_link_is_refused(client, aram, commitments, monkeypatch):
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    token = services.confirmation_token(Sponsor.objects.get())
    monkeypatch.setattr(services, "CONFIRM_MAX_AGE", -1)
    response = client.post(reverse("sponsorships:confirm", args=[token]))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
