"""Fail when a page could show a string that is not in the reader's language.

Two checks, both for French and Armenian:

1. Our catalogues: every .po file of the project is complete (no untranslated or fuzzy entry)
   and its compiled .mo matches it. Run after `make messages`, so every string in the code is in
   a .po file.
2. The runtime catalogue, the one Django merges from every installed app and LOCALE_PATHS and
   that gettext reads:
   - every msgid that an installed package (Django itself, its contrib apps, allauth, ...)
     ships in its French catalogue has a non-empty translation, plural forms and contexts
     included. French is the yardstick because every package translates it fully, so its
     catalogue lists the strings a package can show;
   - every entry of our catalogues is what gettext returns, so no package (and no other
     catalogue of ours) replaces our wording.
"""

import ast
import gettext
import sys
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import trans_real

LANGUAGES_TO_CHECK = ("fr", "hy")
DOMAINS = ("django", "djangojs")
# Numbers enough to meet every plural form of the checked languages.
PLURAL_PROBES = (0, 1, 2, 3, 5, 11, 21, 101, 1_000_000)


def catalogues(base_dir):
    """Every .po under the project's locale folders (project-wide, per app, package strings)."""
    for domain in DOMAINS:
        for po_path in sorted(Path(base_dir).glob(f"*/**/LC_MESSAGES/{domain}.po")):
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


# --- the runtime catalogue -------------------------------------------------------------------


def is_ours(path):
    # The virtual environment may live inside the project (.venv): what is installed there
    # is a package, not ours.
    path = Path(path).resolve()
    installed = Path(sys.prefix).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and not path.is_relative_to(
        installed
    )


def uninstalled_parts(package_dir):
    """Folders of a package that hold a Django app we did not install (allauth's socialaccount,
    idp, headless, usersessions...), and their template folders: strings found only there are
    never shown. As the package's catalogue writes them: relative to the package."""
    package_dir = Path(package_dir).resolve()
    installed = {Path(config.path).resolve() for config in apps.get_app_configs()}
    parts = set()
    for apps_py in package_dir.rglob("apps.py"):
        folder = apps_py.parent
        if folder in installed or folder == package_dir:
            continue
        relative = folder.relative_to(package_dir)
        parts.add(relative.as_posix())
        parts.add(f"templates/{relative.as_posix()}")  # templates/idp/oidc
        parts.add(f"templates/{folder.name}")  # templates/openid (a provider's own)
    return parts


def can_be_shown(entry, hidden_parts):
    """An entry is shown unless every place it comes from is in an app we did not install."""
    if not entry.occurrences or not hidden_parts:
        return True
    return any(
        not any(path == part or path.startswith(f"{part}/") for part in hidden_parts)
        for path, _line in entry.occurrences
    )


def package_catalogues(domain):
    """(label, locale folder, entries that can be shown) for Django itself and every installed
    app that is not ours: the entries of its French catalogue, or, for a package that ships
    none (django-mailer), the strings its Python code marks for translation."""
    import django

    sources = [("django", Path(django.__file__).parent / "conf" / "locale", Path())]
    for config in apps.get_app_configs():
        if not is_ours(config.path):
            sources.append((config.label, Path(config.path) / "locale", Path(config.path)))
    for label, locale, package_dir in sources:
        po_path = locale / "fr" / "LC_MESSAGES" / f"{domain}.po"
        mo_path = po_path.with_suffix(".mo")
        if po_path.exists():
            entries = polib.pofile(str(po_path))
        elif mo_path.exists():
            entries = polib.mofile(str(mo_path))
        elif domain == "django" and not any(
            (parent / "locale" / "fr").is_dir() for parent in list(package_dir.parents)[:2]
        ):
            # No French catalogue here nor in the package around it (allauth.account has
            # allauth's): the strings its code marks.
            entries = marked_strings(package_dir)
        else:
            continue
        # Occurrences are written relative to the folder above locale/ (the package).
        hidden = uninstalled_parts(package_dir) if label != "django" else set()
        shown = [e for e in entries if e.msgid and not e.obsolete and can_be_shown(e, hidden)]
        if shown:
            yield label, locale, shown
    if domain == "django":
        # What our code names in the packages (common.third_party), translated with them.
        ours = marked_strings(settings.BASE_DIR, calls={"package_string": (None, 0, None)})
        if ours:
            yield "package_string", Path(settings.BASE_DIR) / "locale" / "packages", ours


GETTEXT_CALLS = {
    # name: (index of the context, of the msgid, of the plural) among the literal arguments
    **dict.fromkeys(("_", "gettext", "gettext_lazy", "gettext_noop"), (None, 0, None)),
    **dict.fromkeys(("pgettext", "pgettext_lazy"), (0, 1, None)),
    **dict.fromkeys(("ngettext", "ngettext_lazy"), (None, 0, 1)),
    **dict.fromkeys(("npgettext", "npgettext_lazy"), (0, 1, 2)),
}


def marked_strings(package_dir, calls=GETTEXT_CALLS):
    """The msgids a package's Python code marks (`_("...")`, `pgettext_lazy(...)`), as
    makemessages would find them, for a package that ships no catalogue."""
    entries = {}
    for path in sorted(Path(package_dir).rglob("*.py")):
        skipped = {"tests", "migrations", ".venv", "node_modules"}
        if skipped & set(path.relative_to(package_dir).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in calls:
                continue
            literals = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            context, msgid, plural = (
                literals[i] if i is not None and i < len(literals) else None for i in calls[name]
            )
            if isinstance(msgid, str) and msgid:
                entries[(context, msgid)] = polib.POEntry(
                    msgctxt=context, msgid=msgid, msgid_plural=plural or ""
                )
    return list(entries.values())


def runtime_catalogue(language, domain, localedirs=()):
    """The merged catalogue gettext reads: for "django" the one every page uses; for
    "djangojs" the one JavaScriptCatalog serves for the given packages (the admin's)."""
    if domain == "django":
        translation = trans_real.translation(language)
    else:
        translation = trans_real.DjangoTranslation(language, domain=domain, localedirs=localedirs)
    # _catalog is the merged TranslationCatalog: unlike gettext(), it tells a missing
    # translation from one that happens to equal the English ("OK", "IPv4").
    return translation._catalog


def key_of(entry):
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def lookup(catalogue, entry, n=None):
    """What gettext (n=None) or ngettext(n) finds for `entry`, or None. Each merged catalogue
    keeps its own plural rule (allauth's French has two forms, Django's three), so plural
    forms are looked up as ngettext does, one number at a time."""
    key = key_of(entry)
    if n is None:
        return catalogue.get(key)
    try:
        return catalogue.plural(key, n)
    except KeyError:
        return None


def untranslated_at_runtime(entries, catalogue):
    for entry in entries:
        if entry.msgid_plural:
            if not all(lookup(catalogue, entry, n) for n in PLURAL_PROBES):
                yield entry
        elif not lookup(catalogue, entry):
            yield entry


def overridden_at_runtime(po_path, catalogue):
    """Entries of our catalogue that gettext does not return: (entry, what it returns)."""
    po = polib.pofile(str(po_path))
    plural_forms = po.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);")
    rule = gettext.c2py(plural_forms.split("plural=", 1)[1].rstrip("; "))
    for entry in po.translated_entries():
        if entry.msgid_plural:
            for n in PLURAL_PROBES:
                expected = entry.msgstr_plural.get(rule(n), "")
                if lookup(catalogue, entry, n) != expected:
                    yield entry, lookup(catalogue, entry, n)
                    break
        elif lookup(catalogue, entry) != entry.msgstr:
            yield entry, lookup(catalogue, entry)


def runtime_problems(language, our_catalogues):
    problems = []
    for domain in DOMAINS:
        package_localedirs = []
        for label, locale, entries in package_catalogues(domain):
            package_localedirs.append(str(locale))
            catalogue = runtime_catalogue(language, domain, [str(locale)])
            for entry in untranslated_at_runtime(entries, catalogue):
                context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
                problems.append(
                    f"{label} {domain}: no {language} translation at runtime for "
                    f"{entry.msgid[:70]!r}{context}"
                )
        catalogue = runtime_catalogue(language, domain, package_localedirs)
        for po_path in our_catalogues:
            if po_path.name != f"{domain}.po" or po_path.parent.parent.name != language:
                continue
            for entry, shown in overridden_at_runtime(po_path, catalogue):
                shown_path = (
                    po_path.relative_to(settings.BASE_DIR)
                    if po_path.is_relative_to(settings.BASE_DIR)
                    else po_path
                )
                problems.append(
                    f"{shown_path}: {entry.msgid[:60]!r} is "
                    f"{entry.msgstr[:40]!r} here but gettext returns {shown!r}"
                )
    return problems


class Command(BaseCommand):
    help = "Check that every .po file is complete and compiled, and the runtime catalogue too."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Only these .po files (no runtime check).")

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
        if not paths:
            for language in LANGUAGES_TO_CHECK:
                for problem in runtime_problems(language, po_paths):
                    failures += 1
                    self.stderr.write(problem)
        if failures:
            raise CommandError(f"{failures} translation problem(s).")
        self.stdout.write(
            f"{len(po_paths)} catalogues complete and compiled; the runtime catalogue is "
            f"complete for {', '.join(LANGUAGES_TO_CHECK)} and returns our wording."
        )
