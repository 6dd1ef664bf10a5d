"""Checks on uploaded files: logos must be real raster images, agreements real PDFs."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from common import images

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4000
AGREEMENT_MAX_BYTES = 10 * 1024 * 1024


def clean_logo(upload):
    """Return a re-encoded copy of an uploaded logo, or raise ValidationError.

    The checks are the site's shared image rules (`common.images`), with the logo's own
    limits and messages: only PNG, JPEG and WebP (never SVG, which can carry scripts),
    decoded and saved again, which drops EXIF, other metadata and anything appended.
    """
    try:
        return images.reencode(upload, max_bytes=LOGO_MAX_BYTES, max_side=LOGO_MAX_SIDE)
    except ValidationError as error:
        if error.code == "too_large":
            raise ValidationError(
                _("The logo is too large: at most %(max)s."),
                code="too_large",
                params={"max": filesizeformat(LOGO_MAX_BYTES)},
            ) from None
        if error.code == "too_many_pixels":
            raise ValidationError(
                _("The logo is too big: at most %(max)s × %(max)s pixels."),
                code="too_many_pixels",
                params={"max": LOGO_MAX_SIDE},
            ) from None
        raise ValidationError(
            _("The logo must be a PNG, JPEG or WebP image."), code="not_an_image"
        ) from None


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


SCAN_SIGNATURES = {
    ".pdf": b"%PDF-",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}


def validate_scan(file):
    """A scanned paper form: a PDF, PNG or JPEG whose content is what its name says."""
    if file.size > AGREEMENT_MAX_BYTES:
        raise ValidationError(
            _("The scan is too large: at most %(max)s."),
            code="too_large",
            params={"max": filesizeformat(AGREEMENT_MAX_BYTES)},
        )
    suffix = "." + file.name.lower().rsplit(".", 1)[-1] if "." in file.name else ""
    signature = SCAN_SIGNATURES.get(suffix)
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if signature is None or not head.startswith(signature):
        raise ValidationError(_("The scan must be a PDF, PNG or JPEG file."), code="not_a_scan")
