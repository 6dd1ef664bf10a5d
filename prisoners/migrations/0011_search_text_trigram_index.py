"""Indexes for the public list and search, so their cost does not grow with the registry.

(name, id) per language: the list is ordered by the public sort name then id; an index on the
name alone leaves PostgreSQL sorting every record that shares a name to find the first page.

A trigram index on the folded names, so a search does not read every record on PostgreSQL.

Detainee.objects.search() filters `search_text LIKE '%folded%'`; a B-tree cannot serve a
pattern that starts with a wildcard, a pg_trgm GIN index can (three letters or more). SQLite
has no such index and is left as it is: a small registry reads its one table fast enough.
"""

from django.db import migrations

INDEX = "prisoners_detainee_search_trgm"


SORT_COLUMNS = ["public_sort_name", "public_sort_name_en", "public_sort_name_fr", "public_sort_name_hy"]


def create(apps, schema_editor):
    for column in SORT_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS prisoners_detainee_{column}_id "
            f"ON prisoners_detainee ({column}, id)"
        )
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON prisoners_detainee "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    for column in SORT_COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS prisoners_detainee_{column}_id")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0010_photo_profile_medium_rendition")]

    operations = [migrations.RunPython(create, drop)]
