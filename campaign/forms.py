from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.models import Country, Follower, NewsItem, Signature
from common.forms import HoneypotMixin, PersonNameField
from common.images import CheckedImageField


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


class LetterForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Your country"), choices=[("", "---------"), *Country.choices]
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)


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
