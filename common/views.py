import base64

from allauth.account.utils import url_str_to_user_pk
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from common.accounts import invitation_token_generator
from common.forms import StaffInvitationForm
from common.links import invalid_link
from common.models import LanguagePreference


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


@never_cache
def csrf_token(request):
    """A CSRF token for a form of a cached page (static/js/live.js fills it in on sending).

    The page itself carries none, so it can be shared by every visitor; this answer sets the
    visitor's CSRF cookie and is never stored anywhere (no-store).
    """
    response = JsonResponse({"token": get_token(request)})
    response["Cache-Control"] = "no-store, private"
    return response


def ratelimited(request, exception=None, template="429.html", context=None):
    """The one answer to a visitor who sends too much: 429, in their language.

    django-ratelimit calls it (RATELIMIT_VIEW) for every view limited with block=True. A view
    that must keep what the visitor typed passes its own template and context instead.
    """
    return render(request, template, context, status=429)


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


@never_cache
@sensitive_post_parameters()
def staff_invitation(request, uidb36, token):
    """A new staff member chooses a password and enrols the authenticator app, once."""
    try:
        user = get_user_model().objects.filter(pk=url_str_to_user_pk(uidb36), is_staff=True).first()
    except ValueError:
        user = None
    if user is None or not invitation_token_generator.check_token(user, token):
        message = _(
            "This invitation has expired, has already been used, or was not copied completely. "
            "Ask an administrator for a new invitation."
        )
        return invalid_link(request, message=message, status=404)
    form = StaffInvitationForm(user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        if request.user.is_authenticated:
            logout(request)  # whoever was signed in here is not the new member
        ready = _("Your account is ready. Sign in with your password and a code.")
        messages.success(request, ready)
        return redirect("account_login")
    adapter = get_mfa_adapter()
    totp_url = adapter.build_totp_url(user, form.secret)
    svg = base64.b64encode(adapter.build_totp_svg(totp_url).encode()).decode()
    return render(
        request,
        "common/staff_invitation.html",
        {"form": form, "qr_code": f"data:image/svg+xml;base64,{svg}", "invited": user},
    )


@require_POST
def set_language(request):
    """Django's set_language (the language cookie, and the next page at its own language's
    address), and for someone signed in, the choice kept for what reaches them by e-mail."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        LanguagePreference.remember(request.user, language)
    return response
