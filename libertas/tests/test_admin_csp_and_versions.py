"""The admin works under the strict CSP; no response names a version; cookies are guarded."""

import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from campaign.models import Page
from campaign.privacy import SIGNATURE_DAYS as DAYS
from sponsorships.privacy import SPONSOR_YEARS

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
# style-src 'self' blocks <style> elements and style="" attributes as well.
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)


@pytest.fixture
def records(demo_data):
    return demo_data


def test_admin_change_pages_carry_no_inline_script(staff_client, records):
    checked = 0
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        urls = [reverse(f"admin:{info[0]}_{info[1]}_changelist")]
        record = model._default_manager.first()
        if record is not None:
            urls.append(reverse(f"admin:{info[0]}_{info[1]}_change", args=[record.pk]))
            if hasattr(record, "history"):  # simple-history's pages
                urls.append(reverse(f"admin:{info[0]}_{info[1]}_history", args=[record.pk]))
        for url in urls:
            # A one-row model's list (the giving details) opens its row: follow it.
            response = staff_client.get(url, follow=True)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert not INLINE_SCRIPT.search(html), (url, INLINE_SCRIPT.search(html).group(0))
            assert "unsafe-inline" not in response["Content-Security-Policy"]
            checked += 1
    assert checked > 20


def test_admin_history_pages_carry_no_inline_style(staff_client, records):
    checked = 0
    for model in admin.site._registry:
        record = model._default_manager.first()
        if record is None or not hasattr(record, "history"):
            continue
        info = (model._meta.app_label, model._meta.model_name)
        urls = [reverse(f"admin:{info[0]}_{info[1]}_history", args=[record.pk])]
        entry = record.history.first()
        if entry is not None:  # the page of one past version
            urls.append(
                reverse(
                    f"admin:{info[0]}_{info[1]}_simple_history",
                    args=[record.pk, entry.history_id],
                )
            )
        for url in urls:
            response = staff_client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert not INLINE_STYLE.search(html), (url, INLINE_STYLE.search(html).group(0))
            assert not INLINE_SCRIPT.search(html), url
            checked += 1
    assert checked >= 2


def test_the_admin_language_tabs_load_our_own_scripts(staff_client, records):
    # The detainee form has one language switcher of its own; other forms keep the tabs.
    html = staff_client.get(reverse("admin:prisoners_campaignfigure_add")).content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    for source in re.findall(r'<script[^>]*\bsrc="([^"]+)"', html):
        assert source.startswith("/"), source


@pytest.mark.parametrize("url", ["/en/", "/en/prisoners/", "/fr/donate/", "/healthz", "/nowhere"])
def test_no_response_names_a_version(client, db, url):
    response = client.get(url)
    for header in ("Server", "X-Powered-By"):
        assert not re.search(r"\d", response.get(header, "")), header
    assert not re.search(r"Django/\d|Python/\d|gunicorn/\d", response.content.decode())


def test_gunicorn_does_not_announce_its_version():
    import gunicorn.http.wsgi

    import libertas.gunicorn_conf  # noqa: F401 (gunicorn loads it with -c)

    assert gunicorn.http.wsgi.SERVER == "Libertas"


def test_csrf_cookie_is_http_only_and_no_script_reads_it(settings):
    from pathlib import Path

    assert settings.CSRF_COOKIE_HTTPONLY and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SECURE
    assert settings.LANGUAGE_COOKIE_SECURE
    for script in Path(settings.BASE_DIR, "static", "js").rglob("*.js"):
        assert "csrftoken" not in script.read_text(), script


def test_the_privacy_page_states_the_retention_the_code_uses(client, demo_data):
    page = Page.objects.get(slug=Page.Slug.PRIVACY)
    assert f"within {DAYS} days" in page.body_en
    assert f"dans les {DAYS} jours" in page.body_fr
    assert f"{DAYS} օրվա" in page.body_hy
    assert SPONSOR_YEARS == 2  # the page says "two years"; change both together
    assert "two years after it ends" in page.body_en
    assert "deux ans après sa fin" in page.body_fr
    assert "երկու տարի" in page.body_hy
    assert "only the count remains" in page.body_en
    for language in ("en", "fr", "hy"):
        assert client.get(f"/{language}/privacy/").status_code == 200
    # And the purge removes exactly what the page says.
    assert f"{DAYS}" in Client().get("/en/privacy/").content.decode()
