"""The admin site: staff reach it only after a second factor (allauth's TOTP)."""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def used_second_factor(request):
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def may_skip_second_factor(user):
    # A newcomer running `make run` can look around with the demo account; never in production.
    return settings.DEBUG and user.email == settings.DEMO_STAFF_EMAIL


class LibertasAdminSite(admin.AdminSite):
    site_header = _("Libertas administration")
    site_title = _("Libertas")
    index_title = _("Campaign records")

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return may_skip_second_factor(request.user) or used_second_factor(request)

    def login(self, request, extra_context=None):
        """Send everyone through allauth, which asks for the second factor."""
        next_url = request.GET.get("next") or reverse("admin:index")
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if not user.is_active or not user.is_staff:
            return super().login(request, extra_context)
        query = urlencode({"next": next_url})
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
