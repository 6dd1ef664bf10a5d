"""Photo uploads: accept only real, bounded images, and store them stripped of metadata.

A detainee's photo can betray the family that sent it (EXIF GPS, camera serial, editing
software), so every upload is decoded and re-encoded by `common.images`: only the
pixels survive.
"""

import secrets

from django.core.files import File
from django.core.files.storage import default_storage
from PIL import Image
from pilkit.processors import ResizeToFill
from pilkit.utils import process_image

from common import images

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


# Public copies. The original upload stays in the private storage; while a record is PUBLIC,
# WebP renditions at the sizes pages display are copied to the public media folder under a
# random name that says nothing of the original's, and they are deleted the moment the
# record stops being PUBLIC. A record made PUBLIC again gets a new name: an address once
# shared never works again after hiding.
FOLDER = "photos"
CARD_SIZE = (240, 300)
PROFILE_SIZE = (360, 450)
RENDITIONS = {
    "card": CARD_SIZE,
    "card_2x": (CARD_SIZE[0] * 2, CARD_SIZE[1] * 2),
    "profile": PROFILE_SIZE,
    # The profile's box is 216 to 306 px wide on a desktop: a retina screen gets this copy
    # rather than the 720-px one, which would be more than twice the box.
    "profile_md": (600, 750),
    "profile_2x": (PROFILE_SIZE[0] * 2, PROFILE_SIZE[1] * 2),
}


class Rendition:
    """One published rendition: its name in the public storage, its address and its file."""

    def __init__(self, token, kind):
        self.name = f"{FOLDER}/{token}-{kind}.webp"

    @property
    def url(self):
        return default_storage.url(self.name)

    @property
    def path(self):
        return default_storage.path(self.name)


def publish(photo):
    """Copy the renditions of `photo` (a private file) to the public storage; return the token."""
    token = secrets.token_hex(16)
    with photo.open("rb"), Image.open(photo) as image:
        image.load()
        for kind, size in RENDITIONS.items():
            webp = process_image(image, [ResizeToFill(*size)], "WEBP", options={"quality": 80})
            default_storage.save(Rendition(token, kind).name, File(webp))
    return token


def unpublish(token):
    """Delete the public copies published under `token`."""
    if token:
        for kind in RENDITIONS:
            default_storage.delete(Rendition(token, kind).name)


def is_published(token):
    return bool(token) and all(default_storage.exists(Rendition(token, k).name) for k in RENDITIONS)


def delete_strays(tokens):
    """Delete every file in the public photo folder that no token in `tokens` published."""
    keep = {Rendition(token, kind).name for token in tokens for kind in RENDITIONS}
    if not default_storage.exists(FOLDER):
        return []
    _folders, files = default_storage.listdir(FOLDER)
    strays = [f"{FOLDER}/{name}" for name in files if f"{FOLDER}/{name}" not in keep]
    for name in strays:
        default_storage.delete(name)
    return strays
