"""Form pieces every public form shares."""

from django import forms
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
