"""Detainees' photos move out of the public media folder: the originals to the private storage,
imagekit's renditions (whose addresses named the original) are deleted, and PUBLIC records get
new renditions under random names."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import common.storage
import prisoners.photos


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
            detainee.photo_token = prisoners.photos.publish(detainee.photo)
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
                storage=common.storage.private_storage,
                upload_to="detainees/",
                validators=[prisoners.photos.validate_photo],
                verbose_name="photo",
            ),
        ),
        # Moving the originals back would publish them again: there is no way back.
        migrations.RunPython(move_photos, migrations.RunPython.noop),
    ]
