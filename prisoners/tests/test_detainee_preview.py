"""The preview of a public profile from the admin form's unsaved data: staff only, and it
writes nothing (no record, no history row, no cache entry)."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from conftest import make_detainee, signed_in
from prisoners.models import Detainee, Visibility
from prisoners.tests.test_photos import admin_form_data

ADD_PREVIEW = "/en/admin/prisoners/detainee/preview/"


def preview_url(detainee, language="en"):
    return f"/{language}/admin/prisoners/detainee/{detainee.pk}/preview/"


def change_data(client, detainee, **changes):
    data = admin_form_data(client, f"/en/admin/prisoners/detainee/{detainee.pk}/change/")
    data.update({"slug": detainee.slug, "captured_on": "2023-09-28", **changes})
    return data


@pytest.fixture
def cache_writes(monkeypatch):
    """Every write to any cache (default, pages, sessions...) made from here on."""
    writes = []
    for cache in caches.all():
        for method in ("set", "add", "set_many", "delete", "delete_many", "incr", "touch"):
            original = getattr(cache, method)

            def record(*args, _method=method, _original=original, **kwargs):
                writes.append((_method, args[:1]))
                return _original(*args, **kwargs)

            monkeypatch.setattr(cache, method, record)
    return writes


def test_staff_preview_the_unsaved_name_and_biography(staff_client, db):
    detainee = make_detainee()
    data = change_data(staff_client, detainee, name_en="Anna Karapetyan")
    data["biography_en"] = "A **teacher** from Goris."
    response = staff_client.post(preview_url(detainee), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna Karapetyan" in html
    assert "<strong>teacher</strong>" in html
    assert "Preview: nothing is saved." in html


def test_the_preview_is_neither_indexed_nor_cached(staff_client, db):
    detainee = make_detainee()
    response = staff_client.post(preview_url(detainee), change_data(staff_client, detainee))
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def warm_shared_entries(detainee, cache_writes):
    """Entries any page of the site makes once (the footer's organisations, the page-cache
    generations), made by a visitor before the preview: only what the preview writes counts."""
    Client().get(detainee.get_absolute_url())
    cache_writes.clear()


def test_a_preview_writes_nothing_to_the_database_or_the_cache(staff_client, db, cache_writes):
    detainee = make_detainee()
    data = change_data(
        staff_client, detainee, name_en="Changed Name", visibility=Visibility.LIMITED
    )
    history = detainee.history.count()
    updated_at = detainee.updated_at
    warm_shared_entries(detainee, cache_writes)
    response = staff_client.post(preview_url(detainee), data)
    assert response.status_code == 200
    detainee.refresh_from_db()
    assert detainee.name_en == "Ani Karapetyan"
    assert detainee.visibility == Visibility.PUBLIC
    assert detainee.updated_at == updated_at
    assert detainee.history.count() == history
    assert cache_writes == []


def test_a_new_record_is_previewed_without_being_created(staff_client, db, cache_writes):
    data = admin_form_data(staff_client)
    data["name_en"] = "Someone New"
    warm_shared_entries(make_detainee(slug="someone-else"), cache_writes)
    response = staff_client.post(ADD_PREVIEW, data)
    assert response.status_code == 200
    assert "Someone New" in response.content.decode()
    assert list(Detainee.objects.values_list("slug", flat=True)) == ["someone-else"]
    assert Detainee.history.count() == 1
    assert cache_writes == []


def test_the_preview_is_in_the_language_of_the_admin(staff_client, db):
    detainee = make_detainee()
    response = staff_client.post(preview_url(detainee, "hy"), change_data(staff_client, detainee))
    html = response.content.decode()
    assert '<html lang="hy">' in html
    assert "Անի Կարապետյան" in html


def test_a_limited_preview_shows_initials_and_no_biography(staff_client, db):
    detainee = make_detainee()
    data = change_data(staff_client, detainee, visibility=Visibility.LIMITED)
    data["biography_en"] = "Private life story"
    html = staff_client.post(preview_url(detainee), data).content.decode()
    assert "A. K." in html
    assert "Ani Karapetyan" not in html
    assert "Private life story" not in html


def test_a_hidden_record_is_previewed_as_it_will_look_once_public(staff_client, db):
    detainee = make_detainee(visibility=Visibility.HIDDEN, slug="")
    data = change_data(staff_client, detainee, visibility=Visibility.HIDDEN)
    html = staff_client.post(preview_url(detainee), data).content.decode()
    assert "This record is hidden" in html
    assert "Ani Karapetyan" in html


def test_a_visitor_with_an_account_cannot_preview(db, bob):
    detainee = make_detainee(visibility=Visibility.HIDDEN, slug="")
    client = signed_in(bob)
    response = client.post(preview_url(detainee), {"name_en": "x", "category": "POW"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert "Karapetyan" not in response.content.decode()


def test_an_anonymous_visitor_cannot_preview(client, db):
    detainee = make_detainee(visibility=Visibility.HIDDEN, slug="")
    response = client.post(preview_url(detainee), {"name_en": "x"})
    assert response.status_code == 302
    assert "Karapetyan" not in response.content.decode()


def test_staff_who_may_not_change_profiles_cannot_preview(db, finance):
    detainee = make_detainee(visibility=Visibility.HIDDEN, slug="")
    client = signed_in(finance)
    response = client.post(preview_url(detainee), {"name_en": "x", "category": "POW"})
    assert response.status_code == 403
    assert "Karapetyan" not in response.content.decode()


def test_the_preview_needs_the_forms_csrf_token(staff_client, db):
    detainee = make_detainee()
    data = change_data(staff_client, detainee)
    staff_client.handler.enforce_csrf_checks = True  # as a browser is checked
    refused = staff_client.post(preview_url(detainee), data)
    assert refused.status_code == 403
    assert "Karapetyan" not in refused.content.decode()
    html = staff_client.get(f"/en/admin/prisoners/detainee/{detainee.pk}/change/").content
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    accepted = staff_client.post(preview_url(detainee), {**data, "csrfmiddlewaretoken": token})
    assert accepted.status_code == 200


def test_the_preview_is_reached_by_post_only(staff_client, db):
    detainee = make_detainee()
    assert staff_client.get(preview_url(detainee)).status_code == 405


def test_the_form_has_a_preview_button_to_its_own_preview(staff_client, db):
    detainee = make_detainee()
    html = staff_client.get(f"/en/admin/prisoners/detainee/{detainee.pk}/change/").content.decode()
    assert f'formaction="{preview_url(detainee)}"' in html
    assert (
        'formaction="/en/admin/prisoners/detainee/preview/"'
        in staff_client.get("/en/admin/prisoners/detainee/add/").content.decode()
    )


def test_pressing_enter_in_a_field_still_saves_rather_than_previews(staff_client, db):
    """A browser submits a form on Enter with its first submit button: Save, not Preview."""
    detainee = make_detainee()
    html = staff_client.get(f"/en/admin/prisoners/detainee/{detainee.pk}/change/").content.decode()
    form = html[html.index('id="detainee_form"') :]
    first_submit = re.search(r'<(?:input|button)[^>]*type="submit"[^>]*>', form).group(0)
    assert 'name="_save"' in first_submit
