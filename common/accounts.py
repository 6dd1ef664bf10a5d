"""Accounts: how staff join (by invitation) and what guards the second factor.

A password alone never signs staff into the admin, never changes their second factor, and never
makes a staff account: staff are invited by an e-mailed one-time link through which they choose
a password and enrol an authenticator app.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from allauth.utils import generate_unique_username
from cryptography.fernet import Fernet
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation

from common import mail
from common.models import LanguagePreference
from common.urls import absolute_url

# Where a signed-in person lands when no page asked for them (`?next=`): apps above register
# a function of the user that answers a path or "" (the sponsorships app: its portal).
_landings = []


def register_landing(function):
    _landings.append(function)


def landing_for(user):
    """The first registered landing that wants `user`, or "". Staff keep theirs: they sign in
    on the way to the admin, through the second factor, and are never sent elsewhere."""
    if user.is_staff:
        return ""
    for function in _landings:
        url = function(user)
        if url:
            return url
    return ""


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """No public sign-up: an account would do nothing for a supporter. Sponsors get theirs
        when staff approve them (sponsorships.services), staff by invitation (invite_staff);
        neither goes through allauth's sign-up, which shows templates/account/signup_closed.html
        to a GET and to a POST alike."""
        return False

    def get_login_redirect_url(self, request):
        # Called only when the sign-in named no safe `?next=`: that one is always honoured.
        return landing_for(request.user) or super().get_login_redirect_url(request)

    def post_login(self, request, user, **kwargs):
        """Once signed in (after the second factor, for staff), the site speaks the language
        the person chose in the admin (common.models.LanguagePreference): the "signed in"
        message is in it and the page they were going to opens under its prefix."""
        language = (
            LanguagePreference.objects.filter(user=user).values_list("language", flat=True).first()
        )
        if not language or language == translation.get_language():
            return super().post_login(request, user, **kwargs)
        page_language = translation.get_language()
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = super().post_login(request, user, **kwargs)
        if isinstance(response, HttpResponseRedirect):
            # translate_url reads the address in the language it was written in.
            with translation.override(page_language):
                response["Location"] = translate_url(response["Location"], language)
        return response

    def get_reauthentication_methods(self, user):
        methods = super().get_reauthentication_methods(user)
        if is_mfa_enabled(user):
            # Whoever knows the password could otherwise remove the authenticator, enrol their
            # own and make recovery codes: once an account has a second factor, only it counts.
            methods = [method for method in methods if method["id"] != "reauthenticate"]
        return methods


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are kept encrypted: a backup alone reveals none."""

    def encrypt(self, text):
        return Fernet(settings.MFA_ENCRYPTION_KEY).encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text):
        return Fernet(settings.MFA_ENCRYPTION_KEY).decrypt(encrypted_text.encode()).decode()


class StaffInvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token, with its own salt: it expires after
    PASSWORD_RESET_TIMEOUT and is spent once the password or the second factor changes."""

    key_salt = "common.accounts.StaffInvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        enrolled = Authenticator.objects.filter(user=user).exists()
        return f"{super()._make_hash_value(user, timestamp)}{enrolled}"


invitation_token_generator = StaffInvitationTokenGenerator()


def invitation_path(user):
    token = invitation_token_generator.make_token(user)
    return reverse("staff_invitation", args=[user_pk_to_url_str(user), token])


@transaction.atomic
def invite_staff(email, groups=(), language=None):
    """Make `email` a staff account that only the invitation can open, and mail the link.

    An existing account keeps its records but loses its password, its sessions and its
    authenticators: whoever knew them gains nothing, and earlier invitations stop working.
    """
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, username=generate_unique_username([email, "staff"]))
    user.is_staff = True
    user.set_unusable_password()
    user.save()
    user.groups.add(*groups)
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).exclude(email__iexact=email).delete()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"primary": True, "verified": False}
    )
    language = language or settings.LANGUAGE_CODE
    # Staff e-mails reach them in the language they were invited in, until they choose another.
    LanguagePreference.remember(user, language)
    with translation.override(language):
        context = {
            "url": absolute_url(invitation_path(user)),
            "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
        }
    message = mail.message(email, "common/email/staff_invitation", context, language=language)
    transaction.on_commit(message.send)
    return user
