"""Private files: stored outside the web root, handed out only by views that check who asks."""

import os

from django import forms
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.http import FileResponse


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, a folder no web server publishes.

    The folder is read from the settings at each use, so tests (and a changed setting) move it.
    """

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        # A private file has no address of its own: a link to it would bypass the check.
        raise ValueError(f"{name} is private: serve it through a view that checks who asks.")


def private_storage():
    """For a FileField's `storage`: the storage named "private" in settings.STORAGES."""
    return storages["private"]


class PrivateStorageMixin:
    """A file field kept in the private storage.

    Migrations see the plain Django field without `storage`: where files live is no business
    of the database's, and a migration then needs no project code to load.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        return name, f"django.db.models.{self.plain.__name__}", args, kwargs


class PrivateFileField(PrivateStorageMixin, models.FileField):
    plain = models.FileField


class PrivateImageField(PrivateStorageMixin, models.ImageField):
    plain = models.ImageField


def private_file_response(file, filename, *, as_attachment=True, content_type=None):
    """A file for one person's eyes: no shared cache keeps it, no browser guesses its type."""
    response = FileResponse(
        file.open("rb"),
        as_attachment=as_attachment,
        filename=filename,
        content_type=content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PrivateFileInput(forms.ClearableFileInput):
    """The usual file input, naming the current file without linking it (it has no address)."""

    template_name = "common/widgets/private_file_input.html"

    def is_initial(self, value):
        # Django asks for the file's url here, which a private file refuses to give.
        return bool(value and getattr(value, "name", ""))
