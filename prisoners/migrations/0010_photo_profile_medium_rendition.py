"""Photos already published get the new 600 × 750 copy the profile offers to retina screens at
desktop width (prisoners.photos.RENDITIONS["profile_md"]), under their existing token."""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import migrations
from PIL import Image
from pilkit.processors import ResizeToFill
from pilkit.utils import process_image

# Frozen here: a migration is history and must not change when the application code does.
KIND, SIZE = "profile_md", (600, 750)


def add_medium_copies(apps, schema_editor):
    Detainee = apps.get_model("prisoners", "Detainee")
    published = Detainee.objects.filter(visibility="PUBLIC").exclude(photo_token="")
    for detainee in published.exclude(photo=""):
        original = Path(settings.PRIVATE_MEDIA_ROOT) / detainee.photo.name
        name = f"photos/{detainee.photo_token}-{KIND}.webp"
        if not original.is_file() or default_storage.exists(name):
            continue
        with Image.open(original) as image:
            image.load()
            webp = process_image(image, [ResizeToFill(*SIZE)], "WEBP", options={"quality": 80})
            default_storage.save(name, File(webp))


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0009_detainee_print_after_release")]

    operations = [migrations.RunPython(add_medium_copies, migrations.RunPython.noop)]
