"""Signed agreements move from MEDIA_ROOT/private/, which a web server may publish, to the
private storage outside the web root."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import sponsorships.models
import sponsorships.validators

LEGACY_PREFIX = "private/"


def move_agreements(apps, schema_editor):
    legacy = Path(settings.MEDIA_ROOT) / "private"
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    if legacy.is_dir():
        for path in sorted(legacy.rglob("*")):
            if path.is_file():
                target = private / path.relative_to(legacy)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(path, target)
        shutil.rmtree(legacy)
    Sponsorship = apps.get_model("sponsorships", "Sponsorship")
    for sponsorship in Sponsorship.objects.filter(agreement__startswith=LEGACY_PREFIX):
        sponsorship.agreement = sponsorship.agreement.name.removeprefix(LEGACY_PREFIX)
        sponsorship.save(update_fields=["agreement"])


class Migration(migrations.Migration):
    dependencies = [
        ("sponsorships", "0004_confirmation_sent_at"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sponsorship",
            name="agreement",
            field=models.FileField(
                blank=True,
                upload_to=sponsorships.models.agreement_path,
                validators=[sponsorships.validators.validate_agreement_pdf],
                verbose_name="signed agreement (PDF)",
            ),
        ),
        # Moving the files back would publish them again: there is no way back.
        migrations.RunPython(move_agreements, migrations.RunPython.noop),
    ]
