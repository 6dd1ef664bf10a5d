"""One 429 path: django-ratelimit blocks, and common.views.ratelimited answers."""

import re

from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from common.tests.sources import app_sources
from common.views import ratelimited


def test_the_site_answers_every_blocked_limit_with_the_one_view():
    assert settings.RATELIMIT_VIEW == "common.views.ratelimited"
    assert "django_ratelimit.middleware.RatelimitMiddleware" in settings.MIDDLEWARE


def test_the_answer_is_429_in_the_visitor_s_language(db):
    request = RequestFactory().post("/fr/petition/")
    # LocaleMiddleware has activated the visitor's language by the time the view answers.
    with translation.override("fr"):
        response = ratelimited(request, exception=None)
    assert response.status_code == 429
    assert '<html lang="fr">' in response.content.decode()
    assert "Trop de tentatives" in response.content.decode()


def test_no_view_answers_a_rate_limit_by_itself():
    """Views limit with block=True; only common.views renders a 429.

    A view that keeps what the visitor typed (block=False) answers through the same helper.
    """
    found = []
    for path, text in app_sources():
        if path.name == "views.py" and path.parent.name == "common":
            continue
        found += [f"{path}: {p}" for p in (r"status=429", r'"429\.html"') if re.search(p, text)]
        if "block=False" in text and "ratelimited(request, template=" not in text:
            found.append(f"{path}: block=False without common.views.ratelimited")
    assert found == []
