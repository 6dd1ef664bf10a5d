import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from campaign.models import (
    MESSAGE_MAX_LENGTH,
    Country,
    Event,
    Follower,
    NewsItem,
    Signature,
    SolidarityMessage,
    detect_language,
)
from common.forms import HoneypotMixin, PersonNameField
from common.images import CheckedImageField
from common.timezones import zone_choices


class SignatureForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Signature
        fields = ["name", "email", "country", "comment"]
        labels = {"name": _("Your name"), "email": _("Your e-mail address")}
        help_texts = {
            "email": _("We send a link to confirm your signature. It is never shown."),
            "comment": _("Optional. It may be delivered with the signatures."),
        }
        widgets = {"comment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000})}
        # The name is repeated in the confirmation e-mail: it must be a name.
        field_classes = {"name": PersonNameField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---------"), *Country.choices]

    def validate_unique(self):
        # Signing twice is allowed: the view re-sends the link instead of failing.
        pass


class FollowForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = Follower
        fields = ["email"]
        labels = {"email": _("Your e-mail address")}

    def validate_unique(self):
        pass


class SubscribeForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)


class SolidarityMessageForm(HoneypotMixin, forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language of your message"),
        required=False,
        help_text=_("Leave it as it is and we will recognise it."),
    )

    class Meta:
        model = SolidarityMessage
        fields = ["text", "language", "first_name", "city", "email", "consent_public"]
        labels = {
            "text": _("Your message"),
            "first_name": _("Your first name"),
            "city": _("Your city"),
            "email": _("Your e-mail address"),
            "consent_public": _(
                "My message, first name and city may be shown on the profile once approved"
            ),
        }
        help_texts = {
            "text": _(
                "Up to 1,000 characters, in English, French or Armenian. No web or e-mail "
                "addresses. It is printed and delivered through the family or the ICRC."
            ),
            "email": _("We send a link to confirm your message. It is never shown."),
            "consent_public": _(
                "Without it, the message is delivered but not shown; only the number of "
                "messages is."
            ),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH})}
        # The first name is repeated on the profile and in the e-mail: it must be a name.
        field_classes = {"first_name": PersonNameField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Recognise it")), *settings.LANGUAGES]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("language") and cleaned.get("text"):
            cleaned["language"] = detect_language(cleaned["text"])
        return cleaned


class LetterForm(forms.Form):
    """The letter's choices: the visitor's country, whom to write to there, about whom.

    `decision_makers` are the country's active ones and `detainees` the people the public may
    see (Detainee.objects.public()), named as the public rule says: anyone else's address in
    the query string is not a valid choice. A decision maker of another country (the visitor
    changed the country) is dropped, so the country's first one is suggested instead.
    """

    country = forms.ChoiceField(
        label=_("Your country"), choices=[("", "---------"), *Country.choices]
    )
    to = forms.TypedChoiceField(label=_("Write to"), required=False, coerce=int, empty_value=None)
    detainee = forms.ChoiceField(
        label=pgettext_lazy("letter", "About whom"),
        required=False,
        # Not "x is not one of the choices": the same answer for a hidden record as for none.
        error_messages={"invalid_choice": _("Choose someone from the list.")},
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)

    def __init__(self, data=None, *, decision_makers=(), detainees=()):
        choices = [(dm.pk, dm.name) for dm in decision_makers]
        if data is not None and data.get("to") not in {str(pk) for pk, _name in choices}:
            data = data.copy()
            data.pop("to", None)
        super().__init__(data)
        self.fields["to"].choices = choices
        self.fields["detainee"].choices = [
            ("", _("Everyone held (the whole group)")),
            *((d.slug, d.public_name) for d in detainees),
        ]


class NewsFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("", _("Everything")), *NewsItem.Kind.choices]
    )


# The image of a news item goes through the same checks as every other upload.
NEWS_IMAGE_MAX_BYTES = 8 * 1024 * 1024
NEWS_IMAGE_MAX_PIXELS = 40_000_000


class NewsItemAdminForm(forms.ModelForm):
    image = CheckedImageField(
        max_bytes=NEWS_IMAGE_MAX_BYTES,
        max_pixels=NEWS_IMAGE_MAX_PIXELS,
        label=_("image"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 8 MB. Location and camera data are removed."),
    )

    class Meta:
        model = NewsItem
        fields = "__all__"  # noqa: DJ007


class EventAdminForm(forms.ModelForm):
    """Staff type an event's times as the clock reads where it happens.

    Django reads a typed date and time in the staff member's zone (TIME_ZONE); a Yerevan
    vigil typed as 18:00 would be saved as 18:00 in Paris, 21:00 in Yerevan. Here the
    typed wall-clock time is read in the event's own zone, and shown back in it.
    """

    TIMES = ("starts_at", "ends_at")

    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep = self.instance.time_zone if self.instance.pk else None
        self.fields["time_zone"] = forms.ChoiceField(
            label=self.fields["time_zone"].label,
            choices=zone_choices(keep=keep),
            initial=self.fields["time_zone"].initial,
            help_text=_("The city whose clock gives the times below."),
        )
        for name in self.TIMES:
            self.fields[name].help_text = _(
                "As the clock reads where the event takes place, in the time zone chosen above."
            )
        if self.instance.pk:
            for name in self.TIMES:
                # Naive, so the widget shows it as it is instead of converting it again.
                self.initial[name] = timezone.make_naive(
                    getattr(self.instance, name), self.instance.zone
                )

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        if zone:
            for name in self.TIMES:
                value = cleaned.get(name)
                if value is not None:
                    # Back to the typed wall-clock time, then placed in the event's zone.
                    wall_clock = timezone.make_naive(value)
                    cleaned[name] = timezone.make_aware(wall_clock, zoneinfo.ZoneInfo(zone))
        return cleaned
