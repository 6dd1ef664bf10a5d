"""A profile written in one language: the others show it, marked with its language, and a
limited record shows none of it in any language."""

import datetime
import re

from django.utils import translation

from common.languages import shown
from conftest import make_detainee
from prisoners.models import Source, TimelineEvent, Visibility

BIOGRAPHY_FR = "Enseignant à Goris, père de deux enfants."


def test_a_french_only_biography_shows_marked_on_english_and_armenian_profiles(client, db):
    make_detainee(biography_fr=BIOGRAPHY_FR, hometown_en="Goris", hometown_hy="Գորիս")
    for language in ("en", "hy"):
        html = client.get(f"/{language}/prisoners/ani-karapetyan/").content.decode()
        # Markdown since the biography became Markdown, marked with the language it is in.
        assert re.search(
            rf'<div class="biography" lang="fr">\s*<p>{BIOGRAPHY_FR}</p>\s*</div>', html
        )
        assert html.count('class="fallback-note"') == 1  # the hometown is in both languages
    french = client.get("/fr/prisoners/ani-karapetyan/").content.decode()
    # In its own language: no mark.
    assert re.search(rf'<div class="biography">\s*<p>{BIOGRAPHY_FR}</p>\s*</div>', french)
    assert french.count('class="fallback-note"') == 1
    # The hometown fell back to English on the French page, and says so.
    assert re.search(r'<span lang="en">Goris</span> <small class="fallback-note">', french)


def test_a_timeline_text_in_one_language_is_marked_elsewhere(client, db):
    detainee = make_detainee()
    TimelineEvent.objects.create(
        detainee=detainee, date=datetime.date(2024, 1, 5), text_hy="Դատական նիստ Բաքվում"
    )
    html = client.get("/en/prisoners/ani-karapetyan/").content.decode()
    assert '<span lang="hy">Դատական նիստ Բաքվում</span>' in html
    with translation.override("en"):
        assert "This text is available in Armenian only." in html


def test_a_limited_record_gives_no_text_in_any_language(client, db):
    detainee = make_detainee(
        visibility=Visibility.LIMITED, biography_fr=BIOGRAPHY_FR, hometown_hy="Գորիս"
    )
    view = detainee.public_view()
    for field in ("biography_en", "biography_fr", "biography_hy", "hometown_hy", "charges_fr"):
        assert getattr(view, field) == ""
    with translation.override("en"):
        assert shown(view, "biography") == ""
        assert not shown(view, "biography").is_fallback
    for language in ("en", "fr", "hy"):
        html = client.get(f"/{language}/prisoners/{detainee.slug}/").content.decode()
        assert BIOGRAPHY_FR not in html
        assert "Գորիս" not in html


def test_the_view_refuses_private_fields_in_any_language(db):
    view = make_detainee(internal_notes="secret").public_view()
    for attr in ("internal_notes", "internal_notes_fr", "family_contact_en", "search_text_hy"):
        try:
            getattr(view, attr)
        except AttributeError:
            continue
        raise AssertionError(f"{attr} is reachable through the public view")


def test_a_source_title_keeps_its_own_language(client, db):
    detainee = make_detainee()
    source = Source.objects.create(
        title="Армянские военнопленные в Баку", publisher="Кавказский узел", language="ru"
    )
    detainee.sources.add(source)
    html = client.get("/hy/prisoners/ani-karapetyan/").content.decode()
    assert '<cite lang="ru">Кавказский узел: Армянские военнопленные в Баку</cite>' in html
