from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import HoneypotMixin
from common.images import CheckedImageField
from common.languages import LANGUAGE_CODES
from common.storage import PrivateFileInput
from prisoners.models import CorrectionRequest, Detainee
from prisoners.photos import LIMITS

# Help for every field of the detainee form that a volunteer could misread. In the form, not
# on the model: the words are for the people filling it in, and changing them needs no
# migration. A translated field's help shows under each of its languages.
DETAINEE_HELP_TEXTS = {
    "slug": _(
        "The end of the profile's web address, in Latin letters, digits and hyphens. Leave it "
        "empty and it is made for you. A limited or hidden record always gets a random address "
        "that never contains the name."
    ),
    "name": _(
        "The full name as it is written in each language: Latin letters in English and French, "
        "Armenian letters in Armenian. One language is enough to save."
    ),
    "category": _(
        "Changing it shows the sections that apply: disappearance for the forcibly "
        "disappeared, charges and sentence for everyone else."
    ),
    "visibility": _(
        "Public: the whole profile is shown. Limited: only initials and the facts of the "
        "detention, no photo, biography or sources. Hidden: shown nowhere. When in doubt, or "
        "without the family's consent, choose Hidden."
    ),
    "birth_date": _("Only if a reliable source gives the full date; otherwise fill in the year."),
    "captured_on": _(
        "The day the person was captured or arrested, as the sources give it. Days in "
        "captivity are counted from this date."
    ),
    "capture_circumstances": _("Facts only, with a source. Shown on public profiles only."),
    "last_seen_on": _(
        "The last day someone saw the person alive. Used to count the days when the capture "
        "date is unknown."
    ),
    "detention_acknowledged": _("What Azerbaijan has said officially about this person."),
    "charges": _("As written in the indictment or reported by a reliable source."),
    "criminal_code_articles": _(
        "Article numbers of Azerbaijan's criminal code, separated by commas, for example 214, 279."
    ),
    "sentence": _(
        "As pronounced by the court, for example 15 years. Leave empty before a verdict."
    ),
    "icrc_registered": _(
        "Whether the International Committee of the Red Cross has registered this person. "
        "Leave it on Unknown unless a source says so."
    ),
    "echr_application_number": _(
        "The number the European Court of Human Rights gave the application, for example "
        "12345/21. It is public at the Court with the applicant's name, so it is never shown "
        "on a limited profile."
    ),
    "echr_interim_measures": _(
        "Tick only if the Court granted interim measures (Rule 39) for this person."
    ),
    "released_on": _("The day of the release. Set the status to Released as well."),
    "died_on": _("The day of death, if a reliable source gives it. Set the status to Deceased."),
    "biography": _(
        "Markdown, as in news: **bold**, *italic*, [a link](https://example.org), and images "
        "as ![description](/media/…) from our own media or an https address. Never shown on "
        "a limited profile."
    ),
    "photo_credit": _("Who took the photo or holds its rights, as the page should credit them."),
    "photo_alt": _(
        "What the photo shows, for people who cannot see it, for example Portrait in uniform."
    ),
    "consent_given_by": _(
        "Who agreed to publication: the person or a named family member, and how they are "
        "related. Never published."
    ),
    "consent_given_on": _("The day consent was given. Never published."),
    "consent_scope": _(
        "What was agreed: the name, the photo, the biography, contact with the press. "
        "Publish nothing beyond it. Never published."
    ),
    "family_contact": _("How to reach the family. Never published; visible to staff only."),
    "internal_notes": _("Notes for the team. Never published."),
}

# Most of these hold a sentence or two: Django's ten rows made the form twice as tall.
TEXTAREA_ROWS = {
    "biography": 8,
    "capture_circumstances": 4,
    "charges": 3,
    "consent_scope": 3,
    "family_contact": 3,
    "internal_notes": 4,
}


class DetaineeAdminForm(forms.ModelForm):
    photo = CheckedImageField(
        **LIMITS,
        label=_("photo"),
        required=False,
        widget=PrivateFileInput,
        help_text=_("PNG, JPEG or WebP, at most 8 MB. Location and camera data are removed."),
    )

    class Meta:
        model = Detainee
        # The admin picks the fields through its fieldsets.
        fields = "__all__"  # noqa: DJ007

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            base = translated_base(name)
            if base in DETAINEE_HELP_TEXTS:
                field.help_text = DETAINEE_HELP_TEXTS[base]
            if base in TEXTAREA_ROWS:
                field.widget.attrs["rows"] = TEXTAREA_ROWS[base]


def translated_base(name):
    """ "biography" for "biography_hy": the field a translation belongs to (else the name)."""
    base, _sep, code = name.rpartition("_")
    return base if base and code in LANGUAGE_CODES else name


class CorrectionForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = CorrectionRequest
        fields = ["what_is_wrong", "evidence", "name", "email"]
        widgets = {
            "what_is_wrong": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }
