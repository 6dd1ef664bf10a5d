from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import HoneypotMixin
from common.images import CheckedImageField
from common.storage import PrivateFileInput
from prisoners.models import CorrectionRequest, Detainee
from prisoners.photos import LIMITS


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


class CorrectionForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = CorrectionRequest
        fields = ["what_is_wrong", "evidence", "name", "email"]
        widgets = {
            "what_is_wrong": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }
