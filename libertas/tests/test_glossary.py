"""Every entry of our catalogues follows docs/GLOSSARY.md.

The words the glossary forbids are listed in docs/glossary-forbidden.json (pattern, the word to
use instead, the concept). Our catalogues are the project's and the apps' fr and hy files; the
Armenian translation of django-allauth and other packages' catalogues are checked elsewhere.
"""

import json
import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings

from common.management.commands.check_translations import catalogues

BASE = Path(settings.BASE_DIR)
FORBIDDEN = json.loads((BASE / "docs" / "glossary-forbidden.json").read_text(encoding="utf-8"))
NOT_OURS = {"allauth", "packages"}


def our_catalogues(lang):
    return [
        path
        for path in catalogues(BASE)
        if path.parent.parent.name == lang and not NOT_OURS & set(path.parts)
    ]


def translations(entry):
    return [entry.msgstr, *entry.msgstr_plural.values()]


def forbidden_uses(text, lang):
    return [rule for rule in FORBIDDEN[lang] if re.search(rule["pattern"], text)]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Des nouvelles des disparus forcés"),
        ("fr", "Né(e)"),
        ("fr", "l'équipe"),
        ("hy", "Ազատություն հայ գերիներին"),
        ("hy", "Լիբերտասի նորություններ"),
        ("hy", "Քաղաքական գործիչ"),
        ("hy", "Ստուգեք ձեր էլ. փոստը"),
    ],
)
def test_the_check_catches_what_the_glossary_forbids(lang, text):
    assert forbidden_uses(text, lang)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Prisonnière de guerre"),
        ("fr", "l’équipe"),
        ("hy", "Ռազմագերի"),
        ("hy", "Ձերբակալված է"),
        ("hy", "Հանրային գործիչ"),
    ],
)
def test_the_check_lets_the_glossary_terms_through(lang, text):
    assert not forbidden_uses(text, lang)


@pytest.mark.parametrize("lang", ["fr", "hy"])
def test_no_catalogue_entry_uses_a_forbidden_word(lang):
    found = []
    for path in our_catalogues(lang):
        for entry in polib.pofile(str(path)):
            for text in translations(entry):
                for rule in forbidden_uses(text, lang):
                    use = rule["instead"]
                    found.append(f"{path}: {entry.msgid[:50]!r}: {rule['concept']}: use {use}")
    assert found == []


@pytest.mark.parametrize("lang", ["fr", "hy"])
def test_one_msgid_has_one_translation_across_our_catalogues(lang):
    """Django merges the catalogues: two translations of one msgid means one of them is lost.

    A msgid with two meanings ("Sponsor", noun and verb) gets a context (pgettext) instead.
    """
    seen = defaultdict(set)
    for path in our_catalogues(lang):
        for entry in polib.pofile(str(path)):
            seen[(entry.msgctxt, entry.msgid)].add(tuple(translations(entry)))
    assert {key: found for key, found in seen.items() if len(found) > 1} == {}


def test_the_glossary_is_linked_from_the_readme_and_names_every_concept():
    glossary = (BASE / "docs" / "GLOSSARY.md").read_text(encoding="utf-8")
    assert "docs/GLOSSARY.md" in (BASE / "README.md").read_text(encoding="utf-8")
    for rule in FORBIDDEN["fr"] + FORBIDDEN["hy"]:
        assert rule["concept"] in glossary, rule["concept"]


def production_content(lang):
    """The texts migrations make because production needs them: pages and commitments."""
    from campaign.models import Page
    from sponsorships.models import Commitment

    for page in Page.objects.all():
        for field in ("title", "summary", "body"):
            yield f"page {page.slug}.{field}_{lang}", getattr(page, f"{field}_{lang}") or ""
    for commitment in Commitment.objects.all():
        for field in ("title", "description"):
            yield (
                f"commitment {commitment.code}.{field}_{lang}",
                getattr(commitment, f"{field}_{lang}") or "",
            )


@pytest.mark.parametrize("lang", ["fr", "hy"])
def test_the_content_production_needs_follows_the_glossary(db, lang):
    found = [
        f"{where}: {rule['concept']}"
        for where, text in production_content(lang)
        for rule in forbidden_uses(text, lang)
    ]
    assert found == []
