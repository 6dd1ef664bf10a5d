"""Recompute every record's search text as the sound keys of prisoners.search.

The search text is derived data, a copy of the names in the form the search compares: it must
be in the form today's code reads, so this uses prisoners.search as it is (unlike 0007, which
froze the code of its time). A later change of the keys adds a migration like this one.
"""

from django.db import migrations

from prisoners.search import search_text

LANGUAGES = ("en", "fr", "hy")


def initials(name):
    return " ".join(f"{part[0]}." for part in (name or "").split())


def recompute(apps, schema_editor):
    Detainee = apps.get_model("prisoners", "Detainee")
    records = Detainee.objects.exclude(visibility="HIDDEN").only(
        "visibility", *[f"name_{code}" for code in LANGUAGES]
    )
    for record in records.iterator(chunk_size=2000):
        names = [getattr(record, f"name_{code}") or "" for code in LANGUAGES]
        if record.visibility == "LIMITED":
            names = [initials(name) for name in names]
        # update(), not save(): the modification date and history keep their meaning.
        Detainee.objects.filter(pk=record.pk).update(search_text=search_text(names))
    Detainee.objects.filter(visibility="HIDDEN").exclude(search_text="").update(search_text="")


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0012_detainee_source_link_model")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
