"""The admin's "View on site" leads to SITE_URL, whatever the Sites framework's domain says."""

import re

from django.contrib.sites.models import Site

from conftest import make_detainee


def test_view_on_site_goes_to_site_url_not_the_sites_domain(staff_client, settings):
    settings.SITE_URL = "https://libertas.example.org"
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": "wrong.example.com"})
    detainee = make_detainee()
    page = staff_client.get(f"/en/admin/prisoners/detainee/{detainee.pk}/change/").content
    link = re.search(r'href="([^"]+)" class="viewsitelink"', page.decode()).group(1)
    response = staff_client.get(link)
    assert response.status_code == 302
    assert response["Location"] == f"https://libertas.example.org/en/prisoners/{detainee.slug}/"


def test_view_on_site_of_an_unknown_object_is_not_found(staff_client):
    assert staff_client.get("/en/admin/r/99999/1/").status_code == 404


def test_view_on_site_needs_the_admin(client, db):
    detainee = make_detainee()
    response = client.get(f"/en/admin/r/1/{detainee.pk}/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"] or "login" in response["Location"]
