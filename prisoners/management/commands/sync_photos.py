"""Bring the public copies of detainees' photos in line with the records.

save() and update() keep them in line as they go; this repairs what bypassed both: a
restored backup, raw SQL, a crash between a write and its copy.
"""

from django.core.management.base import BaseCommand

from prisoners import photos
from prisoners.models import Detainee


class Command(BaseCommand):
    help = (
        "Publish the photos of PUBLIC records, delete the public copies of every other "
        "record, and delete public photo files that no record uses."
    )

    def handle(self, *args, **options):
        for detainee in Detainee.objects.all().iterator():
            detainee.sync_public_photo()
        tokens = Detainee.objects.exclude(photo_token="").values_list("photo_token", flat=True)
        strays = photos.delete_strays(set(tokens))
        self.stdout.write(f"Public photos in line; {len(strays)} stray file(s) deleted.")
