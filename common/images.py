"""Image uploads, one set of rules for every place an image is accepted.

Detainee photos, sponsor logos and news images all come from outside. Each upload is
decoded in full and re-encoded: only the pixels survive, so EXIF (GPS, camera serial),
comments, and anything appended to the file (a script, an archive, HTML) are dropped.
Each field keeps its own size limits.
"""

import io
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# PNG, JPEG and WebP only: never SVG (it can carry scripts) nor GIF.
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def open_checked(file, *, max_bytes, max_pixels=None, max_side=None):
    """Open and fully decode `file`, or raise ValidationError with a message for the form."""
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("This file is too large (%(size)s). The limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    not_an_image = ValidationError(
        _("This file is not a PNG, JPEG or WebP image, or it is damaged."), code="invalid"
    )
    if max_side:
        too_many_pixels = ValidationError(
            _("This image is too big: at most %(side)s × %(side)s pixels."),
            code="too_many_pixels",
            params={"side": max_side},
        )
    else:
        too_many_pixels = ValidationError(
            _("This image is too big: at most %(limit)s million pixels."),
            code="too_many_pixels",
            params={"limit": max_pixels // 1_000_000},
        )
    try:
        file.seek(0)
        data = file.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValidationError(
                _("This file is too large. The limit is %(limit)s."),
                code="too_large",
                params={"limit": filesizeformat(max_bytes)},
            )
        # Pillow's bomb warning becomes an error; our own limits are lower still.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise not_an_image
                width, height = probe.size
                if max_pixels and width * height > max_pixels:
                    raise too_many_pixels
                if max_side and max(width, height) > max_side:
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


def reencode(file, **limits):
    """A new upload holding only the pixels of `file`, under a random name."""
    image = open_checked(file, **limits)
    fmt = image.format
    # Apply the EXIF orientation before the EXIF goes, so the picture stays upright.
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


class CheckedImageField(forms.ImageField):
    """A form field that applies our checks, then hands the model a re-encoded copy."""

    def __init__(self, *, max_bytes, max_pixels=None, max_side=None, **kwargs):
        self.limits = {"max_bytes": max_bytes, "max_pixels": max_pixels, "max_side": max_side}
        super().__init__(**kwargs)

    def to_python(self, data):
        # FileField's checks only (empty, name): ours replace ImageField's Pillow check,
        # with a message for each way a file can be refused.
        uploaded = forms.FileField.to_python(self, data)
        if uploaded is None:
            return None
        return reencode(uploaded, **self.limits)


# Renditions of public images (sponsors' logos, news images): a page never sends an original
# upload (up to 8 MB) to draw it in a small box. Each rendition is a WebP copy that fits a
# box, never enlarged, made the first time a page asks for it, under a name derived from the
# original's (which the upload made unique), so it is made once. Detainees' photos have their
# own renditions, published and withdrawn with the record (prisoners.photos).
RENDITION_FOLDER = "renditions"
_rendition_sizes = {}  # (folder, name) → (width, height): what this process knows is on disk


class Rendition:
    def __init__(self, url, width, height):
        self.url, self.width, self.height = url, width, height


def rendition(image_file, width, height):
    """A WebP copy of `image_file` (in the public storage) that fits in width × height."""
    return renditions(image_file, [(width, height)])[0]


def renditions(image_file, boxes):
    """The copies of `image_file` fitting each (width, height) box; the original is decoded
    at most once, for those not made yet."""
    storage = image_file.storage
    stem, _dot, _extension = image_file.name.rpartition(".")
    found, missing = {}, []
    for box in boxes:
        name = f"{RENDITION_FOLDER}/{stem}-{box[0]}x{box[1]}.webp"
        key = (getattr(storage, "location", ""), name)
        if key not in _rendition_sizes and storage.exists(name):
            with storage.open(name) as stored, Image.open(stored) as image:
                _rendition_sizes[key] = image.size
        if key in _rendition_sizes:
            found[box] = Rendition(storage.url(name), *_rendition_sizes[key])
        else:
            missing.append((box, name, key))
    if missing:
        with image_file.open("rb"), Image.open(image_file) as original:
            original.load()
            has_alpha = original.mode in ("RGBA", "LA", "PA") or "transparency" in original.info
            original = original.convert("RGBA" if has_alpha else "RGB")
            for box, name, key in missing:
                copy = original.copy()
                copy.thumbnail(box, Image.Resampling.LANCZOS)  # keeps proportions, never enlarges
                out = io.BytesIO()
                copy.save(out, format="WEBP", quality=85, method=4)
                saved = storage.save(name, ContentFile(out.getvalue()))
                if saved != name:  # another process made it meanwhile: keep theirs
                    storage.delete(saved)
                _rendition_sizes[key] = copy.size
                found[box] = Rendition(storage.url(name), *copy.size)
    return [found[box] for box in boxes]


class Picture:
    """What an <img> needs: src, srcset, and the width and height of the 1x copy."""

    def __init__(self, src, srcset):
        self.url = src.url
        self.width, self.height = src.width, src.height
        self.srcset = srcset


def fixed_box(image_file, width, height):
    """A picture for a CSS box of at most width × height pixels: 1x and 2x (retina) copies."""
    one, two = renditions(image_file, [(width, height), (width * 2, height * 2)])
    return Picture(one, f"{one.url} 1x, {two.url} 2x")


# A full-width image: the browser picks among these widths with the <img>'s `sizes`. Each
# step is at most 25% above the one before, so the copy a screen gets is at most that much
# wider than it needs; 2592 is twice the widest box (1296 px).
WIDE_WIDTHS = (360, 450, 560, 700, 880, 1100, 1296, 1620, 2048, 2592)
WIDE_MAX_HEIGHT = 4000
WIDE_DEFAULT = 1296


def wide(image_file):
    boxes = [(width, WIDE_MAX_HEIGHT) for width in WIDE_WIDTHS]
    copies = {}
    for box, copy in zip(boxes, renditions(image_file, boxes), strict=True):
        copies.setdefault(copy.width, copy)  # a small original gives one copy, not ten
        if box[0] == WIDE_DEFAULT:
            src = copy
    return Picture(src, ", ".join(f"{copy.url} {w}w" for w, copy in copies.items()))
