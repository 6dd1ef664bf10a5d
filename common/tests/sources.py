"""The Python sources of the apps, for tests that check one rule holds in every module."""

from pathlib import Path

from django.conf import settings

APPS = ["common", "prisoners", "sponsorships", "donations", "campaign"]


def app_sources():
    """(path, text) of every module of the apps, tests and migrations aside."""
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if {"tests", "migrations"} & set(path.parts):
                continue
            yield path, path.read_text()
