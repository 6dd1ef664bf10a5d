"""A photo is public only while its record is PUBLIC, and only at addresses that say nothing.

Every address is tried through Django's own media serving, which answers exactly as a web
server that serves MEDIA_ROOT would: a file in the public folder is out, one elsewhere is not.
"""

import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models import QuerySet
from django.http import Http404
from django.test import RequestFactory
from django.views.static import serve

from conftest import image_bytes, make_detainee, make_user, signed_in
from prisoners.models import Detainee, Visibility
from prisoners.tests.test_photos import admin_form_data

CHANGELIST = "/en/admin/prisoners/detainee/"


def fetch(url):
    """The status the public gets for a /media/ address."""
    request = RequestFactory().get(url)
    try:
        return serve(request, url.removeprefix(settings.MEDIA_URL), settings.MEDIA_ROOT).status_code
    except Http404:
        return 404


def public_files():
    root = settings.MEDIA_ROOT
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def media_addresses(client, detainee):
    """Every /media/ address the public pages give, and every file the public folder holds."""
    html = client.get(detainee.get_absolute_url()).content.decode()
    html += client.get("/en/prisoners/").content.decode()
    addresses = set(re.findall(r"/media/[^\"'\s,]+", html))
    addresses |= {f"{settings.MEDIA_URL}{name}" for name in public_files()}
    return addresses


@pytest.fixture
def portrait(media):
    """A PUBLIC record whose photo was uploaded, as staff do, and is shown on its pages."""
    detainee = make_detainee()
    detainee.photo.save("portrait.png", ContentFile(image_bytes("PNG", (900, 1200))))
    return detainee


def hide_with_save(detainee, visibility, staff_client):
    detainee.visibility = visibility
    detainee.save()


def hide_with_update_fields(detainee, visibility, staff_client):
    detainee.visibility = visibility
    detainee.save(update_fields=["visibility"])


def hide_with_queryset_update(detainee, visibility, staff_client):
    Detainee.objects.filter(pk=detainee.pk).update(visibility=visibility)


def hide_with_bulk_update(detainee, visibility, staff_client):
    detainee.visibility = visibility
    Detainee.objects.bulk_update([detainee], ["visibility"])


def hide_with_the_admin_change_form(detainee, visibility, staff_client):
    url = f"{CHANGELIST}{detainee.pk}/change/"
    data = admin_form_data(staff_client, url)
    data["visibility"] = visibility
    data["slug"] = "record-17"  # a LIMITED record's address must not spell the name
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


SAVE_PATHS = [
    hide_with_save,
    hide_with_update_fields,
    hide_with_queryset_update,
    hide_with_bulk_update,
    hide_with_the_admin_change_form,
]


@pytest.mark.parametrize("visibility", [Visibility.HIDDEN, Visibility.LIMITED])
@pytest.mark.parametrize("change", SAVE_PATHS, ids=lambda f: f.__name__)
def test_no_photo_address_answers_once_a_record_is_hidden_or_limited(
    client, staff_client, portrait, change, visibility
):
    addresses = media_addresses(client, portrait)
    assert len(addresses) >= 4, addresses
    assert all(fetch(url) == 200 for url in addresses)

    change(portrait, visibility, staff_client)

    assert {url: fetch(url) for url in addresses} == dict.fromkeys(addresses, 404)
    assert public_files() == []


def test_a_rendition_address_says_nothing_of_the_original(client, portrait):
    original = portrait.photo.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    addresses = media_addresses(client, portrait)
    assert addresses
    for url in addresses:
        assert original not in url


def test_the_original_photo_is_never_in_the_public_folder(portrait):
    # Pages show renditions only; the upload itself stays where no web server looks.
    assert (settings.PRIVATE_MEDIA_ROOT / portrait.photo.name).is_file()
    assert not (settings.MEDIA_ROOT / portrait.photo.name).exists()


def test_a_record_made_public_again_gets_new_photo_addresses(client, portrait):
    before = media_addresses(client, portrait)
    portrait.visibility = Visibility.HIDDEN
    portrait.save()
    portrait.visibility = Visibility.PUBLIC
    portrait.save()
    after = media_addresses(client, portrait)
    assert after
    assert after.isdisjoint(before)
    assert all(fetch(url) == 404 for url in before)
    assert all(fetch(url) == 200 for url in after)


def test_a_new_photo_replaces_the_old_renditions_at_new_addresses(client, portrait):
    before = media_addresses(client, portrait)
    portrait.photo.save("other.png", ContentFile(image_bytes("PNG", (600, 800))))
    after = media_addresses(client, portrait)
    assert after.isdisjoint(before)
    assert all(fetch(url) == 404 for url in before)


def test_removing_the_photo_or_the_record_removes_its_public_copies(client, portrait):
    assert public_files()
    portrait.photo = ""
    portrait.save()
    assert public_files() == []

    portrait.photo.save("again.png", ContentFile(image_bytes("PNG")))
    assert public_files()
    Detainee.objects.filter(pk=portrait.pk).delete()
    assert public_files() == []


def test_a_hidden_record_s_photo_is_not_published_by_a_new_upload(portrait):
    Detainee.objects.filter(pk=portrait.pk).update(visibility=Visibility.HIDDEN)
    portrait.refresh_from_db()
    portrait.photo.save("new.png", ContentFile(image_bytes("PNG")))
    assert public_files() == []


def test_staff_see_the_photo_of_a_hidden_record_in_the_admin(staff_client, portrait):
    Detainee.objects.filter(pk=portrait.pk).update(visibility=Visibility.HIDDEN)
    html = staff_client.get(f"{CHANGELIST}{portrait.pk}/change/").content.decode()
    preview = re.search(r'<img src="([^"]+)"', html).group(1)
    assert not preview.startswith(settings.MEDIA_URL)
    response = staff_client.get(preview)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]


def test_nobody_else_gets_the_staff_photo_view(client, bob, portrait):
    url = f"{CHANGELIST}{portrait.pk}/photo/"
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(bob)
    assert client.get(url).status_code == 302
    assert b"\x89PNG" not in client.get(url, follow=True).content


def test_staff_who_may_not_view_detainees_get_no_photo(client, portrait):
    # Finance, say: staff, past the second factor, but with no right on the registry.
    clerk = make_user("clerk@example.org", is_staff=True)
    signed_in(clerk, client)
    assert client.get(f"{CHANGELIST}{portrait.pk}/photo/").status_code == 403


def test_the_photo_command_repairs_what_a_raw_write_left(client, portrait):
    # A restore or raw SQL can leave public copies of a record that is no longer PUBLIC.
    addresses = media_addresses(client, portrait)
    QuerySet(Detainee).filter(pk=portrait.pk).update(visibility=Visibility.HIDDEN)
    stray = settings.MEDIA_ROOT / "photos" / "stray.webp"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"x")
    call_command("sync_photos", verbosity=0)
    assert public_files() == []
    assert all(fetch(url) == 404 for url in addresses)
