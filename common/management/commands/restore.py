"""Replace the database and the media files with the content of a `backup` archive."""

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.management.commands.backup import FOLDERS


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`. Everything now stored is replaced."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive written by `backup`.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask to confirm.")

    def handle(self, *args, path, no_input=False, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No backup at {source}.")
        if not no_input:
            answer = input("This replaces the whole database and every media file. Type 'yes': ")
            if answer != "yes":
                raise CommandError("Restore cancelled.")

        with tempfile.TemporaryDirectory() as tmp, tarfile.open(source, "r:gz") as archive:
            archive.extractall(tmp, filter="data")
            data = Path(tmp) / "data.json"
            if not data.is_file():
                raise CommandError(f"{source} is not a Libertas backup: data.json is missing.")
            call_command("migrate", verbosity=0)
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(data), verbosity=0)

            for folder, arcname in FOLDERS.items():
                root = Path(getattr(settings, folder))
                if root.exists():
                    shutil.rmtree(root)
                if (Path(tmp) / arcname).is_dir():
                    shutil.copytree(Path(tmp) / arcname, root)
                else:
                    root.mkdir(parents=True)
            # loaddata saves raw: the public photo copies are checked against the records here.
            call_command("sync_photos", verbosity=0, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Restored {source}."))
