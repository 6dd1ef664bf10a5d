"""Whole-page cache for anonymous visitors, per language, dropped only where content changed.

A page is stored only when it is safe to share: a GET answered 200 to a visitor with no
session or messages cookie, that sets no cookie itself (so no CSRF token: forms fetch theirs
when sent, see `cacheable_csrf_token`) and is not marked private. The language prefix is part
of the path, so each language has its own entry. Pages are stored compressed (GZipMiddleware
sits below this one), so browsers that accept gzip and clients that do not each have their
own entry.

What drops a page: each page depends on a few tags, each tag has a generation (a random
token) in the "pages" cache, and an entry is valid only while the generations it was built
under are current. A profile depends on "all" and "profile:<slug>"; every other page on
"all" and "index" (lists, home, news, events, feeds, forms...). A save of:
  - a detainee, or of what hangs on one (timeline, sponsorship, news or event linking them),
    bumps those profiles and "index": other profiles stay cached;
  - anything written by visitors (PAGE_CACHE_IGNORED_MODELS: signatures, follow requests,
    correction reports, donations) bumps nothing; counters that move with them are read
    by the page from a small endpoint cached a few seconds;
  - a row no public page shows, before or after the save (PAGE_CACHE_SHOWN: a visitor's
    pending sponsor sign-up), bumps nothing; staff approving it drops where it then shows;
  - any other model of the content apps bumps "all".
One Redis round trip per hit: the entry and its generations come back in one MGET. The
entry is ready to send (status, headers, compressed body), not a pickled HttpResponse.
A generation lost to eviction only makes misses: a new token never matches an old entry.
"""

import functools
import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.urls import Resolver404, get_resolver
from django.utils import translation
from django.utils.cache import get_conditional_response, get_max_age, patch_response_headers
from django.utils.http import parse_http_date_safe, urlencode

PERSONAL_COOKIES = {"sessionid", "messages"}
EVERYTHING = "all"
INDEX = "index"


def page_cache():
    return caches["pages"]


def profile_tag(slug):
    return f"profile:{slug}"


def generation_key(tag):
    return f"page-gen:{tag}"


def generation(tag=EVERYTHING):
    """The current token of one tag (made if missing): tests compare it before and after."""
    return current_generations([tag])[0]


def current_generations(tags, found=None):
    """Tokens of `tags`, from `found` (a get_many answer) when there, else read or made."""
    cache = page_cache()
    keys = [generation_key(tag) for tag in tags]
    found = found if found is not None else cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            # add(): two processes making the same tag agree on the first one's token.
            cache.add(key, secrets.randbits(62), None)
            token = cache.get(key)
        tokens.append(token)
    return tokens


def bump(*tags):
    tags = tags or (EVERYTHING,)
    page_cache().set_many({generation_key(tag): secrets.randbits(62) for tag in tags}, None)


def invalidate_tags(tags):
    bump(*tags)
    # Again once the change is committed: a visitor who read the old row between the save and
    # the commit may have stored the old page under the new generation.
    transaction.on_commit(lambda: bump(*tags))


def invalidate(**kwargs):
    """Drop every page (a command that changed anything, or a model with no finer rule)."""
    invalidate_tags([EVERYTHING])


def _detainee_slugs(model_label, pks):
    detainees = apps.get_model(model_label)
    return list(detainees.objects.filter(pk__in=pks).values_list("slug", flat=True))


def tags_for(instance):
    """The tags a saved or deleted instance drops: [] for none, None for "every page"."""
    label = instance._meta.label_lower
    parts = {name.lower(): path for name, path in settings.PAGE_CACHE_DETAINEE_PARTS.items()}
    if label == settings.PAGE_CACHE_DETAINEE_MODEL.lower():
        slugs = {instance.slug, getattr(instance, "_page_cache_slug", None)} - {None, ""}
    elif label in parts and not instance.pk:
        return []  # a new one, before its first save: shown nowhere yet (post_save follows)
    elif label in parts:
        # A timeline entry, a sponsorship, a news item: the profiles it shows on. Read from
        # the database (before a delete, see connect_invalidation), so a move from one
        # person to another drops both: the old link on pre_save, the new one on post_save.
        # A row public pages do not show (a pending sponsorship) drops nothing: pre_save
        # reads it as it was, post_save as it is, so becoming shown or hidden still drops.
        path = parts[label]
        shown = {name.lower(): lookups for name, lookups in settings.PAGE_CACHE_SHOWN.items()}
        found = type(instance)._base_manager.filter(pk=instance.pk, **shown.get(label, {}))
        linked = set(found.values_list(f"{path}__slug", flat=True))
        if not linked:
            return []
        group = settings.PAGE_CACHE_WHOLE_GROUP.get(instance._meta.label, "")
        if group:
            # A sponsorship of the whole group (no detainee) shows on every profile. One
            # filter(), so the shown condition and the empty link are about the same row.
            link = group.rsplit("__", 1)[0] if "__" in group else "pk"
            lookups = {f"{link}__isnull": False, f"{group}__isnull": True, **shown.get(label, {})}
            if type(instance)._base_manager.filter(pk=instance.pk, **lookups).exists():
                return None
        slugs = linked - {None}
    else:
        return None
    return [INDEX, *(profile_tag(slug) for slug in sorted(slugs))]


def _remember_slug(sender, instance, **kwargs):
    # The address before the save: a profile that changes address drops its old page too.
    if instance.pk:
        instance._page_cache_slug = (
            sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def _on_change(sender, instance, **kwargs):
    tags = tags_for(instance)
    if tags != []:
        invalidate_tags(tags if tags is not None else [EVERYTHING])


def _on_m2m(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("pre_clear", "post_add", "post_remove"):
        return
    tags = tags_for(instance)
    if tags is None:
        return invalidate()
    if not tags:
        return  # shown on no public page, whatever it links to
    if model._meta.label_lower == settings.PAGE_CACHE_DETAINEE_MODEL.lower() and pk_set:
        tags += [profile_tag(s) for s in _detainee_slugs(model._meta.label, pk_set)]
    invalidate_tags(tags)


def connect_invalidation():
    """Drop pages when a model of the content apps is saved, deleted or relinked."""
    ignored = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    parts = {label.lower() for label in settings.PAGE_CACHE_DETAINEE_PARTS}
    for app_label in settings.PAGE_CACHE_APPS:
        for model in apps.get_app_config(app_label).get_models():
            label = model._meta.label_lower
            # History rows (simple_history) come with a save that bumps already.
            if label in ignored or label.split(".")[1].startswith("historical"):
                continue
            uid = f"page-cache-{label}"
            post_save.connect(_on_change, sender=model, dispatch_uid=uid)
            # Before the delete, while the links to the profiles can still be read.
            pre_delete.connect(_on_change, sender=model, dispatch_uid=uid)
            if label in parts:
                # Before a save too: the person it was linked to loses it.
                pre_save.connect(_on_change, sender=model, dispatch_uid=uid)
    pre_save.connect(
        _remember_slug, sender=settings.PAGE_CACHE_DETAINEE_MODEL, dispatch_uid="page-cache-slug"
    )
    m2m_changed.connect(_on_m2m, dispatch_uid="page-cache-m2m")


def _resolve(request):
    return _resolved(get_resolver(), request.path_info)


@functools.lru_cache(maxsize=1024)
def _resolved(resolver, path):
    """The URL match of `path`, the same for as long as the URLconf is: once per process
    (a resolve costs a tenth of a hit). A new URLconf is a new resolver, hence a new key."""
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        # The URL prefix names the language: resolve as LocaleMiddleware will.
        with translation.override(language):
            return resolver.resolve(path)
    except Resolver404:
        return None


def page_query(request, match=None):
    """The query string as the page reads it: its own parameters only, in a fixed order.

    Anything else (fbclid, utm_*, junk) changes nothing on the page, so it must not make a new
    cache entry, nor be copied into the cached page's language links.
    """
    match = match or _resolve(request)
    if match is None:
        return ""
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS.get(match.view_name, ())
    pairs = [(name, value) for name in allowed for value in request.GET.getlist(name)]
    return urlencode(pairs)


def page_tags(match):
    """What a page shows, as tags: its own profile, or the index of everything."""
    if match is not None and match.view_name in settings.PAGE_CACHE_PROFILE_VIEWS:
        return [EVERYTHING, profile_tag(match.kwargs.get("slug"))]
    return [EVERYTHING, INDEX]


def cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not PERSONAL_COOKIES & request.COOKIES.keys()
        and request.path.startswith(settings.PAGE_CACHE_PREFIXES)
        # The no-script way to a form: the page with a token of its own, never shared.
        and "csrf" not in request.GET
    )


def cacheable_response(request, response):
    return (
        request.method == "GET"  # a HEAD's answer has no ETag (ConditionalGetMiddleware)
        and response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        # A nonce is good for one response only: a page that used one is never shared.
        and "nonce-" not in response.get("Content-Security-Policy", "")
        and "nonce-" not in response.get("Content-Security-Policy-Report-Only", "")
    )


def ready_to_send(response):
    """A response as plain data: status, headers and body bytes."""
    return (response.status_code, list(response.items()), response.content)


def from_cache(entry):
    status, headers, body = entry
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


def conditional(request, response):
    """304 Not Modified when the browser holds this version, as ConditionalGetMiddleware does."""
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    etag = response.get("ETag")
    if etag or last_modified:
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
    return response


class PageCacheMiddleware:
    """Above the middleware that only add headers (CSP, Permissions-Policy, WhiteNoise's static
    files, ConditionalGet's ETag), so a hit skips them: the entry holds the headers they set on
    the miss, and a hit answers a conditional GET itself. Below SecurityMiddleware, which still
    redirects to HTTPS and sets HSTS on every request, as both depend on the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        encoding = (
            "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "-"
        )
        match = _resolve(request)
        key = f"page:{encoding}:{request.path}?{page_query(request, match)}"
        tags = page_tags(match)
        cache = page_cache()
        found = cache.get_many([key, *(generation_key(tag) for tag in tags)])
        tokens = current_generations(tags, found)
        stored = found.get(key)
        if stored is not None and stored[0] == tokens:
            response = from_cache(stored[1])
            response["X-Page-Cache"] = "hit"
            return conditional(request, response)
        response = self.get_response(request)
        if cacheable_response(request, response):
            seconds = settings.PAGE_CACHE_SECONDS
            if get_max_age(response) is None:
                # Browsers may keep it briefly too; the ETag lets them revalidate for free.
                patch_response_headers(response, cache_timeout=60)
            else:
                # A view that asks for a short life (a live counter) gets it here too.
                seconds = min(seconds, get_max_age(response))
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if seconds > 0:
                # Under the tokens read before the page was built: a change made meanwhile
                # has new tokens, so this entry is already stale rather than wrongly fresh.
                cache.set(key, (tokens, ready_to_send(response)), seconds)
            response["X-Page-Cache"] = "miss"
        return response
