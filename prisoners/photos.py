"""Photo uploads: accept only real, bounded images, and store them stripped of metadata.

A detainee's photo can betray the family that sent it (EXIF GPS, camera serial, editing
software), so every upload is decoded and re-encoded: only the pixels survive.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def _open_checked(file):
    """Open and fully decode `file`, or raise ValidationError with a message for the form."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            _("This file is too large (%(size)s). The limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
        )
    not_an_image = ValidationError(
        _("This file is not a PNG, JPEG or WebP image, or it is damaged."), code="invalid"
    )
    too_many_pixels = ValidationError(
        _("This image is too big: at most %(limit)s million pixels."),
        code="too_many_pixels",
        params={"limit": MAX_PIXELS // 1_000_000},
    )
    try:
        file.seek(0)
        data = file.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValidationError(
                _("This file is too large. The limit is %(limit)s."),
                code="too_large",
                params={"limit": filesizeformat(MAX_BYTES)},
            )
        # Pillow's bomb warning becomes an error; our own pixel limit is lower still.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise not_an_image
                if probe.width * probe.height > MAX_PIXELS:
                    raise too_many_pixels
                probe.verify()
            # verify() leaves the image unusable: open again and decode every pixel.
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise not_an_image from None
    finally:
        file.seek(0)
    return image


def validate_photo(file):
    """Model-field validator: a real PNG, JPEG or WebP within the size and pixel limits."""
    # A file already in storage was checked, and re-encoded, when it was uploaded.
    if getattr(file, "_committed", False):
        return
    _open_checked(file).close()


def reencode(file):
    """A new upload holding only the pixels of `file`, under a random name."""
    image = _open_checked(file)
    fmt = image.format
    # Apply the EXIF orientation before the EXIF goes, so the photo stays upright.
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha and fmt != "JPEG" else "RGB")
    out = io.BytesIO()
    # A fresh image with no info dict: no EXIF, XMP, ICC text chunks or comments are written.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    options = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}, "PNG": {"optimize": True}}
    clean.save(out, format=fmt, **options[fmt])
    extension, content_type = FORMATS[fmt]
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", out.getvalue(), content_type)
