"""`make backup` and `make restore` round-trip the database and the media files."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image

from campaign.models import Organisation
from prisoners.models import Detainee, TimelineEvent


# Serialized rollback: the tests that follow (the browser journeys) find the data the
# migrations created (groups, commitments) as it was, not a database flushed empty.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_then_restore_brings_back_records_and_files(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", verbosity=0)
    detainee = Detainee.objects.get(slug="sample-aram-petrosyan")
    image = io.BytesIO()
    Image.new("RGB", (60, 80), "darkred").save(image, "PNG")
    detainee.photo.save("portrait.png", ContentFile(image.getvalue()), save=True)
    stored_photo = detainee.photo.name
    stored_bytes = (settings.PRIVATE_MEDIA_ROOT / stored_photo).read_bytes()
    before = (Detainee.objects.count(), TimelineEvent.objects.count(), Organisation.objects.count())

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=open("/dev/null", "w"))  # noqa: SIM115

    call_command("flush", interactive=False, verbosity=0)
    (settings.PRIVATE_MEDIA_ROOT / stored_photo).unlink()

    call_command("restore", str(archive), no_input=True, stdout=open("/dev/null", "w"))  # noqa: SIM115

    after = (Detainee.objects.count(), TimelineEvent.objects.count(), Organisation.objects.count())
    assert after == before
    restored = Detainee.objects.get(slug="sample-aram-petrosyan")
    assert restored.name_hy == "Արամ Պետրոսյան"
    assert restored.photo.name == stored_photo
    assert (settings.PRIVATE_MEDIA_ROOT / stored_photo).read_bytes() == stored_bytes
    assert (settings.MEDIA_ROOT / restored.photo_card.name).is_file()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "missing.tar.gz"), no_input=True)
