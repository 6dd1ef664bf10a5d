from django import forms
from django.utils.translation import gettext_lazy as _

from libertas.forms import HoneypotMixin
from libertas.images import CheckedImageField
from libertas.storage import PrivateFileInput
from prisoners.models import CorrectionRequest, Detainee, Visibility
from prisoners.photos import LIMITS
from prisoners.search import normalise


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

    def clean(self):
        cleaned = super().clean()
        # The address of a LIMITED profile is public: it must not spell the name out.
        if cleaned.get("visibility") == Visibility.LIMITED and cleaned.get("slug"):
            slug = normalise(cleaned["slug"].replace("-", " ")).split()
            names = " ".join(str(cleaned.get(f"name_{code}") or "") for code in ("en", "fr", "hy"))
            if any(len(part) > 2 and part in slug for part in normalise(names).split()):
                self.add_error(
                    "slug",
                    _("A limited profile's address must not contain the person's name."),
                )
        return cleaned


class CorrectionForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = CorrectionRequest
        fields = ["what_is_wrong", "evidence", "name", "email"]
        widgets = {
            "what_is_wrong": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }
