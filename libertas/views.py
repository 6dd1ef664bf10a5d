from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness: the process answers. Touches nothing else, so it stays cheap."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: the database answers too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


def ratelimited(request, exception):
    """django-ratelimit's answer when a visitor sends too much: 429, in their language."""
    return render(request, "429.html", status=429)


def client_ip(request):
    """The visitor's address for rate limits.

    Behind TRUSTED_PROXY_COUNT proxies every request comes from the nearest proxy, so the
    address is read from X-Forwarded-For: the entry that the outermost trusted proxy added.
    Entries further left are written by the client and cannot be trusted.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [entry.strip() for entry in forwarded if entry.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META["REMOTE_ADDR"]


def bad_request(request, exception):
    """400 in the site's layout and the visitor's language (Django's default has neither)."""
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token: say what to do, reveal nothing."""
    return render(request, "403_csrf.html", status=403)
