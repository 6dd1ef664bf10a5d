"""Whole-page cache for anonymous visitors, per language, dropped whenever content changes.

A page is stored only when it is safe to share: a GET answered 200 to a visitor with no
session or messages cookie, that sets no cookie itself (so no CSRF token, no session) and
is not marked private. The language prefix is part of the path, so each language has its own
entry. Any save or delete of a content model bumps a generation number that is part of
every key, so staff see a change at once; a time limit bounds what other writes may leave.
Pages are stored compressed (GZipMiddleware sits below this one), so browsers that accept
gzip and clients that do not each have their own entry.

Pages live in their own cache ("pages"), shared by every process like "default", so a page
can never evict a rate-limit counter, and the generation bump made by any process (a worker,
a shell, a command) is seen by every worker at the next request.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_response_headers
from django.utils.http import urlencode

GENERATION_KEY = "page-cache:generation"
PERSONAL_COOKIES = {"sessionid", "messages"}


def page_cache():
    return caches["pages"]


def generation():
    # Kept in "default", not among the pages it versions: a flood of pages may cull "pages",
    # and a generation lost there would start again at 1 and serve what was stored under it.
    cache = caches["default"]
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def bump():
    cache = caches["default"]
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def invalidate(**kwargs):
    bump()
    # Again once the change is committed: a visitor who read the old row between the save and
    # the commit may have stored the old page under the new generation.
    transaction.on_commit(bump)


def connect_invalidation():
    """Drop the page cache when a model of the content apps is saved, deleted or relinked."""
    ignored = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    for app_label in settings.PAGE_CACHE_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label_lower in ignored:
                continue
            post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-d-{model}")
    m2m_changed.connect(invalidate, dispatch_uid="page-cache-m2m")


def page_query(request):
    """The query string as the page reads it: its own parameters only, in a fixed order.

    Anything else (fbclid, utm_*, junk) changes nothing on the page, so it must not make a new
    cache entry, nor be copied into the cached page's language links.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        # The URL prefix names the language: resolve as LocaleMiddleware will.
        with translation.override(language):
            match = resolve(request.path_info)
    except Resolver404:
        return ""
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS.get(match.view_name, ())
    pairs = [(name, value) for name in allowed for value in request.GET.getlist(name)]
    return urlencode(pairs)


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not PERSONAL_COOKIES & request.COOKIES.keys()
        and request.path.startswith(settings.PAGE_CACHE_PREFIXES)
    )


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        encoding = (
            "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "-"
        )
        key = f"page-cache:{generation()}:{encoding}:{request.path}?{page_query(request)}"
        cache = page_cache()
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(response):
            # Browsers may keep it briefly too; the ETag lets them revalidate for free.
            patch_response_headers(response, cache_timeout=60)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
