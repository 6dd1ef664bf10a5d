"""Checks on uploaded files: logos must be real raster images, agreements real PDFs."""

import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4000
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
AGREEMENT_MAX_BYTES = 10 * 1024 * 1024


def clean_logo(upload):
    """Return a re-encoded copy of an uploaded logo, or raise ValidationError.

    Only PNG, JPEG and WebP are accepted (never SVG, which can carry scripts). The image
    is decoded and saved again, which drops EXIF and other metadata and anything
    appended to the file.
    """
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: at most %(max)s."),
            code="too_large",
            params={"max": filesizeformat(LOGO_MAX_BYTES)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The logo must be a PNG, JPEG or WebP image."), code="not_an_image"
        ) from None
    if image_format not in LOGO_FORMATS:
        raise ValidationError(_("The logo must be a PNG, JPEG or WebP image."), code="format")
    if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
        raise ValidationError(
            _("The logo is too big: at most %(max)s × %(max)s pixels."),
            code="too_many_pixels",
            params={"max": LOGO_MAX_SIDE},
        )

    # verify() leaves the image unusable: open it again to decode the pixels.
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.load()
            if image_format == "JPEG":
                image = image.convert("RGB")
            elif image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA")
            output = io.BytesIO()
            image.save(output, format=image_format)
    except (OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The logo must be a PNG, JPEG or WebP image."), code="not_an_image"
        ) from None
    extension = LOGO_FORMATS[image_format]
    return SimpleUploadedFile(
        f"logo.{extension}", output.getvalue(), content_type=f"image/{image_format.lower()}"
    )


def validate_agreement_pdf(file):
    if file.size > AGREEMENT_MAX_BYTES:
        raise ValidationError(
            _("The agreement is too large: at most %(max)s."),
            code="too_large",
            params={"max": filesizeformat(AGREEMENT_MAX_BYTES)},
        )
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    if head != b"%PDF-" or not file.name.lower().endswith(".pdf"):
        raise ValidationError(_("The signed agreement must be a PDF file."), code="not_a_pdf")
