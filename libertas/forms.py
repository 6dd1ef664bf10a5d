"""Form pieces every public form shares."""

import re

from django import forms
from django.core.exceptions import ValidationError
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
