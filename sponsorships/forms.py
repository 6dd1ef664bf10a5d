from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.forms import HoneypotMixin, PersonNameField
from common.images import CheckedImageField
from prisoners.models import Detainee
from sponsorships.models import Commitment, Sponsor, SponsorAction, SponsorProposal, Sponsorship
from sponsorships.validators import clean_logo, validate_agreement_pdf, validate_scan

WHOLE_GROUP = "group"


class SignupForm(HoneypotMixin, forms.ModelForm):
    honeypot_name = "nickname"  # "website" is a real field here

    # A plain file field: clean_logo does the image checks, with our own messages.
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 2 MB and 4000 × 4000 pixels."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address such as https://example.org.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        error_messages={"invalid": _("Enter an e-mail address such as name@example.org.")},
        help_text=_("We send a confirmation link to this address. It is never published."),
    )
    # A detainee's id or WHOLE_GROUP. Not a list of choices: the page offers a search, not
    # every person (sponsorships.views.picker), and the id is checked against one row.
    target = forms.CharField(
        label=_("Whom do you sponsor?"),
        max_length=20,
        error_messages={
            "required": _("Choose a detainee or the whole group."),
            "invalid_choice": _("Choose a detainee or the whole group."),
        },
    )
    commitments = forms.ModelMultipleChoiceField(
        label=_("Your commitments"),
        queryset=Commitment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one commitment.")},
    )

    class Meta:
        model = Sponsor
        fields = [
            "kind",
            "name",
            "country",
            "city",
            "logo",
            "website",
            "public_consent",
            "contact_name",
            "email",
            "phone",
        ]
        labels = {
            "name": _("Name of the city, organisation or person"),
            "public_consent": _(
                "Show our name, place and logo on the sponsors wall and the detainee's profile"
            ),
        }
        help_texts = {
            "phone": _("Optional. Only the campaign team sees it."),
        }
        widgets = {"kind": forms.RadioSelect}
        # The contact's name is repeated in the confirmation e-mail: it must be a name.
        field_classes = {"contact_name": PersonNameField}

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The detainees one may sponsor (a QuerySet); the chosen one is looked up in it.
        self.candidates = candidates
        self.fields["commitments"].queryset = Commitment.objects.filter(active=True)
        # Radio buttons need no "---------" choice: nothing ticked already says "not chosen".
        self.fields["kind"].choices = Sponsor.Kind.choices
        self.fields["country"].error_messages["required"] = _("Choose your country.")
        self.fields["name"].error_messages["required"] = _("Give the name to show.")
        self.fields["contact_name"].error_messages["required"] = _("Give a contact person.")
        self.fields["kind"].error_messages["required"] = _("Choose the kind of sponsor.")

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo:
            return logo
        return clean_logo(logo)

    def clean(self):
        cleaned = super().clean()
        if self.errors and self.files.get("logo"):
            # Browsers never refill a file input, so say it rather than lose it silently.
            self.add_error(
                "logo",
                _(
                    "Please choose your logo file again: for your security, browsers do not "
                    "keep a chosen file when a form is shown again."
                ),
            )
        return cleaned

    def clean_target(self):
        target = self.cleaned_data["target"]
        if target == WHOLE_GROUP:
            self.chosen = None
            return target
        self.chosen = self.candidates.filter(pk=target).first() if target.isdigit() else None
        if self.chosen is None:
            raise forms.ValidationError(self.fields["target"].error_messages["invalid_choice"])
        return target

    @property
    def detainee(self):
        return self.chosen

    def save(self, language):
        sponsor = super().save(commit=False)
        sponsor.language = language
        sponsor.save()
        sponsorship = Sponsorship.objects.create(sponsor=sponsor, detainee=self.detainee)
        sponsorship.commitments.set(self.cleaned_data["commitments"])
        return sponsorship


class SponsorDetailsForm(forms.ModelForm):
    """What a sponsor may change of their public details from the portal; staff confirm it."""

    # As in the sign-up form: a plain file field, with the same image checks (clean_logo).
    logo = forms.FileField(
        label=_("New logo"),
        required=False,
        # Plain: a proposed logo is private, there is no address to show it by.
        widget=forms.FileInput,
        help_text=_(
            "Optional: leave empty to keep the current logo. PNG, JPEG or WebP, at most 2 MB "
            "and 4000 × 4000 pixels."
        ),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address such as https://example.org.")},
    )

    class Meta:
        model = SponsorProposal
        fields = ["name", "website", "logo"]
        labels = {"name": _("Name of the city, organisation or person")}
        help_texts = {"name": _("As it should appear on the sponsors wall and the profiles.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Give the name to show.")

    def clean_logo(self):
        upload = self.files.get("logo")
        if not upload:
            # Nothing chosen: the proposal keeps the logo it already carries, if any.
            return self.instance.logo
        return clean_logo(upload)

    def clean(self):
        cleaned = super().clean()
        if self.errors and self.files.get("logo"):
            self.add_error(
                "logo",
                _(
                    "Please choose your logo file again: for your security, browsers do not "
                    "keep a chosen file when a form is shown again."
                ),
            )
        return cleaned


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the sponsor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Included in the e-mail, in the sponsor's language as you write it."),
    )


# A date <input> takes only ISO dates, whatever the page's language; without `format` the
# widget would write the language's own format (02/11/2020 in French) and the browser drop it.
ISO_DATE_INPUT = {"format": "%Y-%m-%d", "attrs": {"type": "date"}}


class SigningForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=forms.DateInput(**ISO_DATE_INPUT))
    signing_place = forms.CharField(label=_("Place of signing"), max_length=200)
    agreement = forms.FileField(
        label=_("Signed agreement (PDF)"),
        required=False,
        validators=[validate_agreement_pdf],
    )


class EndForm(forms.Form):
    ended_on = forms.DateField(label=_("Ended on"), widget=forms.DateInput(**ISO_DATE_INPUT))
    end_reason = forms.ChoiceField(label=_("Reason"), choices=Sponsorship.EndReason.choices)
    why = forms.CharField(
        label=_("Why (for the trail)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the trail of decisions, not sent. No personal data, please."),
    )


class SendConfirmationForm(forms.Form):
    """Nothing to fill in: the button says what happens."""


class PaperConfirmationForm(forms.Form):
    scan = forms.FileField(
        label=_("Scan of the signed form (PDF, PNG or JPEG)"),
        validators=[validate_scan],
        help_text=_("Kept in the private storage: only staff can open it."),
    )
    why = forms.CharField(
        label=_("Why (for the trail)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: signed at the town council meeting. No personal data."),
    )


class EndForStatusForm(forms.Form):
    """Which of the active sponsorships of the people just marked released or deceased end."""

    sponsorships = forms.ModelMultipleChoiceField(
        label=_("Sponsorships to end"),
        queryset=Sponsorship.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    why = forms.CharField(
        label=_("Why (for the trail)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the trail of decisions, not sent. No personal data, please."),
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sponsorships"].queryset = queryset
        self.fields["sponsorships"].initial = [s.pk for s in queryset]


ACTION_PHOTO_MAX_BYTES = 8 * 1024 * 1024


class SponsorActionForm(forms.ModelForm):
    """What a sponsor records in the portal. The photo passes the checks of every upload."""

    photo = CheckedImageField(
        max_bytes=ACTION_PHOTO_MAX_BYTES,
        max_pixels=40_000_000,
        label=_("Photo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 8 MB. Location and camera data are removed."),
    )
    link = forms.URLField(
        label=_("Link"),
        required=False,
        assume_scheme="https",
        help_text=_("An article, a video, a post."),
    )

    class Meta:
        model = SponsorAction
        fields = ["kind", "date", "text", "language", "link", "photo", "photo_alt"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 4, "maxlength": SponsorAction.TEXT_MAX_LENGTH}),
        }
        help_texts = {
            "text": _(
                "What you did, in a few sentences, in any of the three languages. The campaign "
                "reads it before it is published."
            ),
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Record what has been done: the date cannot be ahead."))
        return date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt"):
            self.add_error("photo_alt", _("Describe the photo for people who cannot see it."))
        return cleaned


class ActionFilterForm(forms.Form):
    """The filters of the public register of actions; every choice is one that has actions."""

    kind = forms.ChoiceField(label=_("Kind of action"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    detainee = forms.ModelChoiceField(
        label=_("Detainee"), queryset=Detainee.objects.none(), required=False, to_field_name="slug"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        public = SponsorAction.objects.public()
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(SponsorAction.Kind.choices)
        codes = set(public.values_list("sponsorship__sponsor__country", flat=True))
        named = sorted(((code, countries.name(code)) for code in codes), key=lambda c: str(c[1]))
        self.fields["country"].choices = everything + named
        field = self.fields["detainee"]
        field.queryset = (
            Detainee.objects.for_public_pages()
            .filter(sponsorships__actions__in=public)
            .distinct()
            .order_by("public_sort_name", "pk")
        )
        field.empty_label = _("All")
        field.label_from_instance = lambda detainee: detainee.public_name
