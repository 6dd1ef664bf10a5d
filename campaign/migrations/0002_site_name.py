from django.db import migrations


def name_site(apps, schema_editor):
    # allauth signs its e-mails with the site's name; "example.com" would confuse people.
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=1, defaults={"domain": "libertas2020.com", "name": "Libertas"}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
