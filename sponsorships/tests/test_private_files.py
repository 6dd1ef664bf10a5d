"""Signed agreements live outside the web root; only views that check who asks hand them out."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve

from conftest import make_sponsor, make_sponsorship, make_user, signed_in
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fetch(path):
    """The status the public gets for a /media/ address, as a web server serving MEDIA_ROOT."""
    try:
        return serve(RequestFactory().get(f"/media/{path}"), path, settings.MEDIA_ROOT).status_code
    except Http404:
        return 404


def signed_in_staff(client, email, *permissions):
    """A staff member past the second factor, with only the given permissions."""
    user = make_user(email, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    return signed_in(user, client)


@pytest.fixture
def signed(aram):
    sponsorship = make_sponsorship(make_sponsor("Town A", user=make_user("a@example.org")), aram)
    sponsorship.agreement.save("agreement.pdf", ContentFile(PDF))
    return sponsorship


def staff_download_url(sponsorship):
    return reverse("admin:sponsorships_sponsorship_agreement", args=[sponsorship.pk])


def test_a_signed_agreement_is_not_under_the_public_media_folder(signed):
    name = signed.agreement.name
    for path in (name, f"private/{name}", f"private/agreements/{name.rsplit('/', 1)[-1]}"):
        assert fetch(path) == 404, path
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
    assert (settings.PRIVATE_MEDIA_ROOT / name).read_bytes() == PDF


def test_a_private_file_has_no_public_address(signed):
    with pytest.raises(ValueError):
        signed.agreement.url  # noqa: B018


def test_staff_who_may_view_sponsorships_download_the_agreement(client, signed):
    signed_in_staff(client, "clerk@example.org", "view_sponsorship")
    response = client.get(staff_download_url(signed))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_other_staff_get_no_agreement(client, signed):
    signed_in_staff(client, "editor@example.org", "view_detainee")
    assert client.get(staff_download_url(signed)).status_code == 403


@pytest.mark.parametrize("who", ["anonymous", "the sponsor", "another sponsor"])
def test_nobody_but_staff_gets_the_staff_download(client, signed, who):
    if who == "the sponsor":
        client.force_login(signed.sponsor.user)
    elif who == "another sponsor":
        client.force_login(make_sponsor("Town B", user=make_user("b@example.org")).user)
    response = client.get(staff_download_url(signed))
    assert response.status_code in (302, 403, 404)
    assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_admin_change_page_links_the_staff_download_not_a_file_address(client, signed):
    signed_in_staff(client, "clerk@example.org", "view_sponsorship")
    html = client.get(
        reverse("admin:sponsorships_sponsorship_change", args=[signed.pk])
    ).content.decode()
    assert f'href="{staff_download_url(signed)}"' in html
    assert signed.agreement.name not in html
    assert f"{settings.MEDIA_URL}private" not in html


def test_the_sponsor_portal_still_serves_the_agreement_from_private_storage(client, signed):
    client.force_login(signed.sponsor.user)
    response = client.get(reverse("sponsorships:agreement", args=[signed.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "private" in response["Cache-Control"]


def test_agreements_stored_under_media_private_move_to_private_storage(aram):
    # As the site stood before: agreements in MEDIA_ROOT/private/, served by any web server.
    legacy = settings.MEDIA_ROOT / "private" / "agreements" / "0123abcd.pdf"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(PDF)
    sponsorship = make_sponsorship(make_sponsor("Town C"), aram)
    Sponsorship.objects.filter(pk=sponsorship.pk).update(
        agreement="private/agreements/0123abcd.pdf"
    )

    migration = importlib.import_module(
        "sponsorships.migrations.0005_agreements_to_private_storage"
    )
    migration.move_agreements(apps, None)

    sponsorship.refresh_from_db()
    assert not legacy.exists()
    assert fetch("private/agreements/0123abcd.pdf") == 404
    assert sponsorship.agreement.read() == PDF
    assert (settings.PRIVATE_MEDIA_ROOT / sponsorship.agreement.name).is_file()
