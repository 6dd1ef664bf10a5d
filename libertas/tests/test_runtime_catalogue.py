"""The runtime catalogue (what gettext returns on a page) is complete and says what we wrote.

`manage.py check_translations` (CI, `make check`) runs these checks on the whole project; the
tests here show that each one catches what it is for, and that the package strings pass.
"""

import polib
import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

from common.management.commands.check_translations import (
    catalogues,
    package_catalogues,
    runtime_problems,
)

HEADER = {
    "Content-Type": "text/plain; charset=UTF-8",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


def write(folder, lang, entries):
    path = folder / lang / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {**HEADER, "Language": lang}
    for entry in entries:
        po.append(entry)
    po.save(str(path))
    po.save_as_mofile(str(path.with_suffix(".mo")))
    return path


def our_problems(language):
    return runtime_problems(language, list(catalogues(settings.BASE_DIR)))


@pytest.mark.parametrize("language", ["fr", "hy"])
def test_every_package_string_is_translated_at_runtime(language):
    missing = [p for p in our_problems(language) if "no translation at runtime" in p]
    assert missing == []


def test_the_check_reads_the_packages_that_are_installed_and_not_the_others():
    labels = {label for label, _locale, _entries in package_catalogues("django")}
    assert {"django", "admin", "auth", "humanize", "allauth", "simple_history"} <= labels
    allauth = next(e for label, _l, e in package_catalogues("django") if label == "allauth")
    msgids = {entry.msgid for entry in allauth}
    assert "Sign In" in msgids  # allauth.account is installed
    assert "Social Accounts" not in msgids  # allauth.socialaccount is not
    assert "Password reset" in {
        e.msgid for label, _l, es in package_catalogues("django") if label == "auth" for e in es
    }


def test_a_package_string_missing_in_armenian_is_reported(tmp_path):
    # Our Armenian catalogue for the packages, with one admin string left out.
    ours = write(tmp_path, "hy", [polib.POEntry(msgid="Show counts", msgstr="Ցույց տալ քանակները")])
    with override_settings(LOCALE_PATHS=[tmp_path]):
        problems = runtime_problems("hy", [ours])
    assert not any("'Show counts'" in p for p in problems)
    assert any("admin django" in p and "'Hide counts'" in p for p in problems)
    # Plural forms and contexts count too.
    assert any("'Please correct the error below.'" in p for p in problems)


def test_an_entry_of_ours_that_another_catalogue_replaces_is_reported(tmp_path):
    first = write(tmp_path / "first", "fr", [polib.POEntry(msgid="Filter", msgstr="Filtre")])
    ours = write(tmp_path / "ours", "fr", [polib.POEntry(msgid="Filter", msgstr="Filtrer")])
    with override_settings(LOCALE_PATHS=[tmp_path / "first", tmp_path / "ours"]):
        problems = runtime_problems("fr", [first, ours])
    replaced = [p for p in problems if "gettext returns" in p]
    assert replaced == [f"{ours}: 'Filter' is 'Filtrer' here but gettext returns 'Filtre'"]


# The entries the issue found replaced at runtime by a package's catalogue.
REPLACED = {
    "fr": ["All", "Filter", "Czechia", "active", "Date:"],
    "hy": ["Austria", "United Kingdom", "Filter", "Search", "name"],
}


@pytest.mark.parametrize("language", sorted(REPLACED))
def test_our_wording_wins_over_the_packages(language):
    ours = {}
    for path in catalogues(settings.BASE_DIR):
        if path.parent.parent.name == language and "packages" not in path.parts:
            for entry in polib.pofile(str(path)).translated_entries():
                if not entry.msgctxt and entry.msgid in REPLACED[language]:
                    ours.setdefault(entry.msgid, set()).add(entry.msgstr)
    with translation.override(language):
        for msgid in REPLACED[language]:
            assert translation.gettext(msgid) in ours[msgid], msgid


# (context, msgid) -> Armenian: Django's catalogue had "Մարտ" (March) for the short April.
APRIL = {
    ("abbrev. month", "April"): "ապր.",
    ("alt. month", "April"): "ապրիլի",
    ("", "April"): "ապրիլ",
}


def test_django_armenian_months_are_corrected_at_runtime():
    # Through variables: makemessages must not take these msgids into our catalogue.
    with translation.override("hy"):
        for (context, msgid), expected in APRIL.items():
            found = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
            assert found == expected


def test_labels_the_packages_leave_in_english_are_translated():
    from allauth.mfa.models import Authenticator
    from django.apps import apps
    from mailer.models import PRIORITY_DEFERRED, Message

    with translation.override("hy"):
        assert str(Authenticator._meta.verbose_name_plural) == "նույնականացման միջոցներ"
        assert str(Authenticator._meta.get_field("created_at").verbose_name) == "ստեղծվել է"
        assert str(apps.get_app_config("mailer").verbose_name) == "Էլ. նամակների հերթ"
        assert Message(priority=PRIORITY_DEFERRED).get_priority_display() == "հետաձգված"


def test_the_labels_leave_the_packages_migrations_alone(db):
    # Commands run untranslated, where the labels equal the packages' own.
    from django.core.management import call_command

    call_command("makemigrations", "mailer", "mfa", check=True, dry_run=True, verbosity=0)
