"""Organisation.collects_donations goes: nothing read it. The beneficiary of online donations
is named by the donations app (donations.services.BENEFICIARY and its templates), which may
not look up the campaign's organisations."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('campaign', '0007_content_pages'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='organisation',
            name='collects_donations',
        ),
    ]
