"""The campaign's accounts on social networks, linked from the footer; the two the campaign's
documents name for Libertas itself are made here, as production needs them."""

from django.db import migrations, models

# From the campaign's documents: X in the collective's letter, Instagram in its brochure.
ACCOUNTS = [
    ("X", "https://x.com/FreeArmenianPOW", "@FreeArmenianPOW", 1),
    ("INSTAGRAM", "https://www.instagram.com/libertas2020/", "@libertas2020", 2),
]


def add_accounts(apps, schema_editor):
    SocialAccount = apps.get_model("campaign", "SocialAccount")
    if SocialAccount.objects.exists():
        return
    for network, url, handle, order in ACCOUNTS:
        SocialAccount.objects.create(network=network, url=url, handle=handle, order=order)


class Migration(migrations.Migration):

    dependencies = [
        ('campaign', '0015_hearing_reminders'),
    ]

    operations = [
        migrations.CreateModel(
            name='SocialAccount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('network', models.CharField(choices=[('FACEBOOK', 'Facebook'), ('X', 'X'), ('INSTAGRAM', 'Instagram'), ('TELEGRAM', 'Telegram'), ('YOUTUBE', 'YouTube'), ('LINKEDIN', 'LinkedIn'), ('TIKTOK', 'TikTok'), ('BLUESKY', 'Bluesky'), ('MASTODON', 'Mastodon')], max_length=12, verbose_name='network')),
                ('url', models.URLField(verbose_name='address of the account')),
                ('handle', models.CharField(blank=True, help_text='For example @libertas2020.', max_length=100, verbose_name='account name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'social network account',
                'verbose_name_plural': 'social network accounts',
                'ordering': ['order', 'network'],
            },
        ),
        migrations.RunPython(add_accounts, migrations.RunPython.noop),
    ]
