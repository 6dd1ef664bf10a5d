"""Detainees' photos move out of the public media folder: the originals to the private storage,
imagekit's renditions (whose addresses named the original) are deleted, and PUBLIC records get
new renditions under random names."""

import secrets
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import migrations, models
from PIL import Image
from pilkit.processors import ResizeToFill
from pilkit.utils import process_image

import prisoners.photos

# prisoners.photos.publish() as it was, frozen here: a migration is history and must not change
# when the application code does.
RENDITIONS = {
    "card": (240, 300),
    "card_2x": (480, 600),
    "profile": (360, 450),
    "profile_2x": (720, 900),
}


def publish(path):
    """Copy WebP renditions of the private file at `path` to the public storage; return the token."""
    token = secrets.token_hex(16)
    with Image.open(path) as image:
        image.load()
        for kind, size in RENDITIONS.items():
            webp = process_image(image, [ResizeToFill(*size)], "WEBP", options={"quality": 80})
            default_storage.save(f"photos/{token}-{kind}.webp", File(webp))
    return token


def move_photos(apps, schema_editor):
    public = Path(settings.MEDIA_ROOT)
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    Detainee = apps.get_model("prisoners", "Detainee")
    names = set(Detainee.objects.exclude(photo="").values_list("photo", flat=True))
    uploads = public / "detainees"
    if uploads.is_dir():
        names |= {str(p.relative_to(public)) for p in uploads.rglob("*") if p.is_file()}
    for name in sorted(names):
        source, target = public / name, private / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, target)
    shutil.rmtree(uploads, ignore_errors=True)
    shutil.rmtree(public / "CACHE" / "images", ignore_errors=True)
    for detainee in Detainee.objects.filter(visibility="PUBLIC").exclude(photo=""):
        if (private / detainee.photo.name).is_file():
            detainee.photo_token = publish(private / detainee.photo.name)
            detainee.photo_published_from = detainee.photo.name
            detainee.save(update_fields=["photo_token", "photo_published_from"])


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0003_editors_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="detainee",
            name="photo_published_from",
            field=models.CharField(blank=True, editable=False, max_length=100),
        ),
        migrations.AddField(
            model_name="detainee",
            name="photo_token",
            field=models.CharField(blank=True, editable=False, max_length=32),
        ),
        migrations.AlterField(
            model_name="detainee",
            name="photo",
            field=models.ImageField(
                blank=True,
                upload_to="detainees/",
                validators=[prisoners.photos.validate_photo],
                verbose_name="photo",
            ),
        ),
        # Moving the originals back would publish them again: there is no way back.
        migrations.RunPython(move_photos, migrations.RunPython.noop),
    ]
