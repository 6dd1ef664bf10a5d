"""Fill the public sort key, the searched text and the public date of existing records, and
give limited and hidden records whose address spells the name a random one."""

from django.db import migrations

from prisoners.search import normalise
from prisoners.slugs import random_slug, reveals_name

LANGUAGES = ("en", "fr", "hy")


def initials(name):
    return " ".join(f"{part[0]}." for part in (name or "").split())


def backfill(apps, schema_editor):
    Detainee = apps.get_model("prisoners", "Detainee")
    for record in Detainee.objects.all():
        names = [getattr(record, f"name_{code}") or "" for code in LANGUAGES]
        limited = record.visibility == "LIMITED"
        for code in LANGUAGES:
            # The name as each language shows it, with modeltranslation's fallback to English.
            name = getattr(record, f"name_{code}") or record.name_en or record.name_fr or ""
            shown = initials(name) if limited else name
            setattr(record, f"public_sort_name_{code}", shown.casefold()[:200])
        record.public_sort_name = record.public_sort_name_en
        shown_names = [initials(n) if limited else n for n in names if n]
        record.search_text = (
            ""
            if record.visibility == "HIDDEN"
            else " | ".join(dict.fromkeys(normalise(n) for n in shown_names))
        )
        record.public_updated_at = record.updated_at
        if record.visibility != "PUBLIC" and reveals_name(record.slug, names):
            others = Detainee.objects.exclude(pk=record.pk)
            record.slug = random_slug(lambda s: others.filter(slug=s).exists(), names)
        # update(), not save(): updated_at keeps its meaning.
        Detainee.objects.filter(pk=record.pk).update(
            slug=record.slug,
            search_text=record.search_text,
            public_sort_name=record.public_sort_name,
            public_updated_at=record.public_updated_at,
            **{f"public_sort_name_{c}": getattr(record, f"public_sort_name_{c}") for c in LANGUAGES},
        )


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0006_public_view_fields")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
