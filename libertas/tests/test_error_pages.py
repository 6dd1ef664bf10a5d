"""Error pages (400, 403, 404, 429, 500) are styled, translated, and reveal nothing."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client
from django.urls import path

from libertas.urls import urlpatterns as site_urlpatterns


def raise_400(request, lang):
    raise SuspiciousOperation("secret detail /srv/app/settings.py")


def raise_403(request, lang):
    raise PermissionDenied("secret detail /srv/app/settings.py")


def raise_404(request, lang):
    raise Http404("secret detail /srv/app/settings.py")


def raise_500(request, lang):
    raise RuntimeError("secret detail /srv/app/settings.py")


urlpatterns = [
    path("<str:lang>/boom/400/", raise_400),
    path("<str:lang>/boom/403/", raise_403),
    path("<str:lang>/boom/404/", raise_404),
    path("<str:lang>/boom/500/", raise_500),
    *site_urlpatterns,
]
handler400 = "common.views.bad_request"

EXPECTED = {
    400: {"en": "Bad request", "fr": "Requête incorrecte", "hy": "Սխալ հարցում"},
    403: {"en": "Access denied", "fr": "Accès refusé", "hy": "Մուտքն արգելված է"},
    404: {"en": "Page not found", "fr": "Page introuvable", "hy": "Էջը չի գտնվել"},
}


@pytest.mark.urls("libertas.tests.test_error_pages")
@pytest.mark.parametrize("status", [400, 403, 404])
@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_error_page_is_styled_translated_and_discreet(client, db, status, language):
    response = client.get(f"/{language}/boom/{status}/", HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert response.status_code == status
    assert EXPECTED[status][language] in html
    assert "vendor/bootstrap/bootstrap.min.css" in html  # the site's layout
    assert "secret detail" not in html and "/srv/app" not in html


@pytest.mark.urls("libertas.tests.test_error_pages")
def test_server_error_page_reveals_nothing(db):
    client = Client(raise_request_exception=False)
    response = client.get("/en/boom/500/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in html and "Սխալ է տեղի ունեցել" in html
    assert "secret detail" not in html and "Traceback" not in html


@pytest.mark.parametrize(("language", "text"), [("fr", "Trop de tentatives"), ("hy", "Չափազանց")])
def test_too_many_requests_page_is_translated(client, db, language, text):
    from django.test import RequestFactory
    from django.utils import translation

    from common.views import ratelimited

    with translation.override(language):
        response = ratelimited(RequestFactory().get(f"/{language}/"), None)
    assert response.status_code == 429
    assert text in response.content.decode()


def test_form_without_token_gets_the_translated_expired_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/fr/petition/", {"name": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Le formulaire a expiré" in html
    assert "CSRF" not in html  # no technical reason shown
