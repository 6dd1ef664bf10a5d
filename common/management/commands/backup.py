"""Write the database and the media files into one .tar.gz that `restore` reads back."""

import io
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

# Rebuilt by `migrate` on any database, so restoring them would only clash.
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]
# The public media and the private files (original photos, signed agreements), by setting.
FOLDERS = {"MEDIA_ROOT": "media", "PRIVATE_MEDIA_ROOT": "private-media"}


class Command(BaseCommand):
    help = "Back up the database (as JSON, any engine), the media and the private files."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Where to write the archive.")

    def handle(self, *args, path=None, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        target = Path(path or settings.BASE_DIR / "backups" / f"libertas-{stamp}.tar.gz")
        target.parent.mkdir(parents=True, exist_ok=True)

        data = io.StringIO()
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=EXCLUDED,
            stdout=data,
            verbosity=0,
        )
        payload = data.getvalue().encode()

        with tarfile.open(target, "w:gz") as archive:
            info = tarfile.TarInfo("data.json")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
            for folder, arcname in FOLDERS.items():
                root = Path(getattr(settings, folder))
                if root.exists():
                    archive.add(root, arcname=arcname)
        self.stdout.write(str(target))
