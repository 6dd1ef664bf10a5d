"""The translation check fails on an untranslated or fuzzy entry and on a stale .mo."""

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

HEADER = {"Content-Type": "text/plain; charset=UTF-8", "Language": "fr"}


def write_catalogue(tmp_path, entries, compile_=True):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = HEADER
    for entry in entries:
        po.append(entry)
    po.save(str(folder / "django.po"))
    if compile_:
        po.save_as_mofile(str(folder / "django.mo"))
    return folder / "django.po"


def test_complete_compiled_catalogue_passes(tmp_path):
    path = write_catalogue(tmp_path, [polib.POEntry(msgid="Donate", msgstr="Faire un don")])
    call_command("check_translations", str(path))


def test_untranslated_string_fails(tmp_path, capsys):
    path = write_catalogue(
        tmp_path,
        [
            polib.POEntry(msgid="Donate", msgstr="Faire un don"),
            polib.POEntry(msgid="Sponsor a prisoner", msgstr=""),
        ],
    )
    with pytest.raises(CommandError):
        call_command("check_translations", str(path))
    assert "Sponsor a prisoner" in capsys.readouterr().err


def test_fuzzy_string_fails(tmp_path):
    entry = polib.POEntry(msgid="Donate", msgstr="Donner", flags=["fuzzy"])
    path = write_catalogue(tmp_path, [entry])
    with pytest.raises(CommandError):
        call_command("check_translations", str(path))


def test_stale_compiled_file_fails(tmp_path, capsys):
    path = write_catalogue(tmp_path, [polib.POEntry(msgid="Donate", msgstr="Faire un don")])
    po = polib.pofile(str(path))
    po[0].msgstr = "Donner"
    po.save(str(path))
    with pytest.raises(CommandError):
        call_command("check_translations", str(path))
    assert "stale .mo" in capsys.readouterr().err


def test_project_catalogues_are_complete_and_compiled():
    call_command("check_translations")
