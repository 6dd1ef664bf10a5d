"""The detainee-source link gets a model of its own, on the table Django already made for it:
only the migration state changes, not the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0011_search_text_trigram_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DetaineeSource",
                    fields=[
                        ("id", models.AutoField(primary_key=True, serialize=False)),
                        (
                            "detainee",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="prisoners.detainee",
                                verbose_name="detainee",
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="prisoners.source",
                                verbose_name="source",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "source of the profile",
                        "verbose_name_plural": "sources of the profile",
                        "db_table": "prisoners_detainee_sources",
                        "unique_together": {("detainee", "source")},
                    },
                ),
                migrations.AlterField(
                    model_name="detainee",
                    name="sources",
                    field=models.ManyToManyField(
                        blank=True,
                        through="prisoners.DetaineeSource",
                        to="prisoners.source",
                        verbose_name="sources",
                    ),
                ),
            ],
        ),
    ]
