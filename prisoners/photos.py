"""Photo uploads: accept only real, bounded images, and store them stripped of metadata.

A detainee's photo can betray the family that sent it (EXIF GPS, camera serial, editing
software), so every upload is decoded and re-encoded by `libertas.images`: only the
pixels survive.
"""

from libertas import images

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
LIMITS = {"max_bytes": MAX_BYTES, "max_pixels": MAX_PIXELS}
FORMATS = images.FORMATS


def validate_photo(file):
    """Model-field validator: a real PNG, JPEG or WebP within the size and pixel limits."""
    # A file already in storage was checked, and re-encoded, when it was uploaded.
    if getattr(file, "_committed", False):
        return
    images.open_checked(file, **LIMITS).close()


def reencode(file):
    """A new upload holding only the pixels of `file`, under a random name."""
    return images.reencode(file, **LIMITS)
