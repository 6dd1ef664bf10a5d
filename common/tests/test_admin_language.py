"""The admin's language switcher: on every admin page, it changes the language of the page and
is remembered for the staff member's e-mails; an invitation sets the first choice."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from common import mail
from common.accounts import invite_staff
from common.models import LanguagePreference
from conftest import PASSWORD, add_second_factor, current_code


@pytest.mark.parametrize(
    "url",
    [
        "/en/admin/",
        "/en/admin/campaign/newsitem/",
        "/en/admin/campaign/newsitem/add/",
        "/en/admin/prisoners/detainee/",
        "/en/admin/auth/user/",
        "/en/admin/invite-staff/",
    ],
)
def test_every_admin_page_has_the_language_switcher(staff_client, url):
    html = staff_client.get(url).content.decode()
    header = html[html.index('<header id="header">') : html.index("</header>")]
    form = re.search(r'<form id="language-switcher" method="post" action="([^"]+)">', header)
    assert form and form.group(1) == "/i18n/setlang/"
    assert f'<input type="hidden" name="next" value="{url}">' in header
    assert '<strong lang="en" aria-current="true">English</strong>' in header
    assert '<button type="submit" name="language" value="fr" lang="fr">français</button>' in header
    assert '<button type="submit" name="language" value="hy" lang="hy">հայերեն</button>' in header


def test_switching_language_opens_the_same_admin_page_in_it_and_is_remembered(staff_client, alice):
    response = staff_client.post(
        "/i18n/setlang/", {"language": "hy", "next": "/en/admin/campaign/newsitem/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/hy/admin/campaign/newsitem/"
    html = staff_client.get(response["Location"]).content.decode()
    assert '<html lang="hy"' in html
    assert '<strong lang="hy" aria-current="true">' in html
    assert LanguagePreference.objects.get(user=alice).language == "hy"
    assert mail.by_language(["ALICE@example.org"]) == [("hy", ["ALICE@example.org"])]

    staff_client.post("/i18n/setlang/", {"language": "fr", "next": "/hy/admin/"})
    assert LanguagePreference.objects.get(user=alice).language == "fr"


def test_an_unknown_language_is_not_remembered(staff_client, alice):
    staff_client.post("/i18n/setlang/", {"language": "xx", "next": "/en/admin/"})
    assert not LanguagePreference.objects.exists()


def test_a_visitor_switching_language_stores_nothing(client, db):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/news/"})
    assert response["Location"] == "/fr/news/"
    assert not LanguagePreference.objects.exists()


def test_the_invitation_language_is_the_first_choice(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = invite_staff("new@example.org", language="fr")
    assert LanguagePreference.objects.get(user=user).language == "fr"
    assert get_user_model().objects.get(email="new@example.org") == user


def test_addresses_of_no_account_read_the_default_language(db):
    groups = mail.by_language(["a@example.org", "b@example.org"])
    assert groups == [("en", ["a@example.org", "b@example.org"])]


@pytest.mark.parametrize("language", ["hy", "fr"])
def test_signing_in_opens_the_admin_in_the_staff_members_language(client, alice, language):
    LanguagePreference.remember(alice, language)
    secret = add_second_factor(alice)
    response = client.post(
        "/en/accounts/login/?next=/en/admin/campaign/newsitem/",
        {"login": alice.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    # Only the second factor signs staff in: its redirect is the one that switches language.
    response = client.post(response["Location"], {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/admin/campaign/newsitem/"
    html = client.get(response["Location"]).content.decode()
    assert f'<html lang="{language}"' in html


def test_signing_in_without_a_stored_language_keeps_the_page_language(client, alice):
    secret = add_second_factor(alice)
    response = client.post(
        "/fr/accounts/login/?next=/fr/admin/", {"login": alice.email, "password": PASSWORD}
    )
    response = client.post(response["Location"], {"code": current_code(secret)})
    assert response["Location"] == "/fr/admin/"


# Django stores a permission's name once, in English ("Can add detainee"): the group and user
# forms list every permission, so each must read in the staff member's language.
PERMISSION_WORDS = {
    "fr": ("Peut ajouter", "Peut modifier", "Peut exporter et effacer les données personnelles"),
    "hy": ("Կարող է ավելացնել", "Կարող է փոփոխել", "Կարող է արտահանել և ջնջել"),
}


@pytest.mark.parametrize("language", sorted(PERMISSION_WORDS))
def test_permissions_read_in_the_staff_members_language(staff_client, alice, language):
    group = Group.objects.create(name="Readers")
    for url in (
        f"/{language}/admin/auth/group/{group.pk}/change/",
        f"/{language}/admin/auth/user/{alice.pk}/change/",
    ):
        html = staff_client.get(url).content.decode()
        options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", html)
        assert len(options) > 40, url
        assert not [o for o in options if re.search(r"\bCan (add|change|delete|view|export)\b", o)]
        for words in PERMISSION_WORDS[language]:
            assert any(words in option for option in options), (url, words)
