"""Form pieces every public form shares, and the account forms that replace allauth's."""

import re

from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.totp import forms as mfa_forms
from allauth.mfa.totp.internal.auth import TOTP, get_totp_secret, validate_totp_code
from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


class HoneypotMixin:
    """A field people never see (hidden by CSS, out of the Tab order) and bots fill in.

    Views check `form.is_bot` and answer a bot as if it were a person, keeping nothing.
    """

    honeypot_name = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def honeypot_field(self):
        """For templates: `{% include "honeypot.html" %}` renders it, hidden."""
        return self[self.honeypot_name]

    @property
    def is_bot(self):
        return bool(self.data.get(self.add_prefix(self.honeypot_name)))


# A visitor's own name is the only thing they type that our e-mails repeat, to an address
# that may not be theirs. So a name is one short line of letters (any script) with the
# spaces, apostrophes, hyphens and initials' dots names use: no digits, no "@", no ":" or
# "/", and a dot only at the end of a word, so no link or domain passes for a name.
PERSON_NAME_MAX_LENGTH = 70
PERSON_NAME = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f ’'\-\u058a]|\.(?= |$))+")


def is_person_name(value):
    return len(value) <= PERSON_NAME_MAX_LENGTH and PERSON_NAME.fullmatch(value) is not None


def validate_person_name(value):
    if PERSON_NAME.fullmatch(value) is None:
        raise ValidationError(
            _("Write only your name, on one line, without a web or e-mail address."),
            code="not_a_name",
        )


class PersonNameField(forms.CharField):
    """A person's name. In a ModelForm: `field_classes = {"name": PersonNameField}`."""

    def __init__(self, **kwargs):
        # A model field may allow longer text; a name is bounded all the same.
        kwargs["max_length"] = min(
            kwargs.get("max_length") or PERSON_NAME_MAX_LENGTH, PERSON_NAME_MAX_LENGTH
        )
        super().__init__(validators=[validate_person_name], **kwargs)


def mail_name(value):
    """The name to greet someone with in an e-mail: theirs if it is a name, else nothing.

    Rows saved before this rule, or by staff, pass the same check on the way out.
    """
    value = value.strip()
    return value if is_person_name(value) else ""


class ActivateTOTPForm(mfa_forms.ActivateTOTPForm):
    """allauth's enrolment, refused to staff: they enrol only through their invitation.

    Otherwise whoever knows a staff password could attach their own authenticator app.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.user.is_staff:
            raise ImmediateHttpResponse(staff_needs_invitation(context.request))


def staff_needs_invitation(request):
    return render(request, "common/staff_needs_invitation.html", status=403)


class StaffInvitationForm(SetPasswordForm):
    """Through the invitation link: a password and the authenticator app, together."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.secret = get_totp_secret(regenerate=not self.is_bound)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not validate_totp_code(self.secret, code):
            raise forms.ValidationError(
                _("This code is not right. Type the code your app shows now.")
            )
        return code

    @transaction.atomic
    def save(self):
        user = super().save()
        TOTP.activate(user, self.secret)
        # The link came by e-mail: the address is proven.
        EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
        return user


class InviteStaffForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    groups = forms.ModelMultipleChoiceField(
        label=_("Groups"),
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)
