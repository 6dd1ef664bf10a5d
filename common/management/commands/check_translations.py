"""Fail when a translation catalogue is incomplete or its compiled .mo is stale.

Run after `make messages`, so every string in the code is in a .po file: then an
untranslated or fuzzy entry, or a .mo that does not match its .po, is an error.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

LANGUAGES_TO_CHECK = ("fr", "hy")


def catalogues(base_dir):
    """Every django.po under the project's locale folders (project-wide and per app)."""
    for po_path in sorted(Path(base_dir).glob("*/**/LC_MESSAGES/django.po")):
        if ".venv" in po_path.parts or "node_modules" in po_path.parts:
            continue
        yield po_path


def problems_in(po_path):
    po = polib.pofile(str(po_path))
    problems = [f"untranslated: {e.msgid[:70]!r}" for e in po.untranslated_entries()]
    problems += [f"fuzzy: {e.msgid[:70]!r}" for e in po.fuzzy_entries()]
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return [*problems, "no compiled .mo: run `make messages`"]
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.mofile(str(mo_path))
    }
    expected = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in po.translated_entries()
    }
    # polib stores the header as the entry with an empty msgid; it is not a translation.
    compiled.pop((None, ""), None)
    if compiled != expected:
        problems.append("stale .mo: it does not match the .po; run `make messages`")
    return problems


class Command(BaseCommand):
    help = "Check that every .po file is complete and compiled."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Only these .po files.")

    def handle(self, *args, paths=(), **options):
        po_paths = [Path(p) for p in paths] or list(catalogues(settings.BASE_DIR))
        po_paths = [p for p in po_paths if p.parent.parent.name in LANGUAGES_TO_CHECK]
        if not po_paths:
            raise CommandError("No translation catalogue found.")
        failures = 0
        for po_path in po_paths:
            for problem in problems_in(po_path):
                failures += 1
                self.stderr.write(f"{po_path}: {problem}")
        if failures:
            raise CommandError(f"{failures} translation problem(s) in {len(po_paths)} file(s).")
        self.stdout.write(f"{len(po_paths)} catalogues complete and compiled.")
