"""Content written in one language only: it saves, the other languages fall back to it and
say so (`lang` and a note), and the address comes from whichever title exists."""

import re

import pytest
from django.utils import timezone, translation

from campaign.models import Event, NewsItem
from campaign.tests.conftest import make_event

FRENCH_ONLY = {
    "kind": "NEWS",
    "slug": "",
    "title_en": "",
    "title_fr": "Libération de deux prisonniers",
    "title_hy": "",
    "summary_en": "",
    "summary_fr": "Deux prisonniers sont rentrés à Erevan.",
    "summary_hy": "",
    "body_en": "",
    "body_fr": "Ils ont été **accueillis** par leurs familles.",
    "body_hy": "",
    "image_alt_en": "",
    "image_alt_fr": "",
    "image_alt_hy": "",
    "published_at_0": "2026-11-02",
    "published_at_1": "10:00:00",
    "published": "on",
}


def add_news(client, **changes):
    return client.post("/en/admin/campaign/newsitem/add/", {**FRENCH_ONLY, **changes})


def element_with(html, text):
    """The opening tag of the element just around `text`, in the page's main part."""
    main = html[html.index("<main") :]
    before = main[: main.index(text)]
    return before[before.rindex("<") :]


def test_news_written_in_french_only_saves_from_the_admin(staff_client):
    response = add_news(staff_client)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get()
    assert (item.title_fr, item.title_en, item.title_hy) == (FRENCH_ONLY["title_fr"], None, None)


def test_news_with_no_title_in_any_language_is_refused(staff_client):
    response = add_news(staff_client, title_fr="")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"title_en", "title_fr", "title_hy"}
    assert not NewsItem.objects.exists()


def test_the_slug_comes_from_the_french_title(staff_client):
    add_news(staff_client)
    assert NewsItem.objects.get().slug == "liberation-de-deux-prisonniers"


def test_the_slug_comes_from_an_armenian_title_transliterated(db):
    item = NewsItem.objects.create(title_hy="Գորիսի հավաք", summary_hy="…", body_hy="…")
    assert item.slug == "gorisi-havak"
    again = NewsItem.objects.create(title_hy="Գորիսի հավաք", summary_hy="…", body_hy="…")
    assert again.slug == "gorisi-havak-2"


def test_the_admin_fills_the_slug_from_any_title_field(staff_client):
    html = staff_client.get("/en/admin/campaign/newsitem/add/").content.decode()
    assert 'data-slug-from="id_title_en id_title_fr id_title_hy"' in html
    assert "js/admin_slug.js" in html


@pytest.mark.parametrize("language", ["en", "hy"])
def test_french_only_news_shows_marked_in_other_languages(client, staff_client, language):
    add_news(staff_client)
    item = NewsItem.objects.get()
    client.logout()
    html = client.get(f"/{language}/news/{item.slug}/").content.decode()
    assert 'lang="fr"' in element_with(html, FRENCH_ONLY["title_fr"])
    assert 'lang="fr"' in element_with(html, FRENCH_ONLY["summary_fr"])
    assert re.search(r'<div[^>]* lang="fr"><p>Ils ont été <strong>accueillis', html)
    assert html.count('class="fallback-note"') == 1  # one note under the title says it for all
    with translation.override(language):
        assert str(translation.gettext("This text is available in French only.")) in html
    listing = client.get(f"/{language}/news/").content.decode()
    assert 'lang="fr"' in element_with(listing, FRENCH_ONLY["title_fr"])


def test_french_only_news_is_not_marked_in_french(client, staff_client):
    add_news(staff_client)
    client.logout()
    html = client.get(f"/fr/news/{NewsItem.objects.get().slug}/").content.decode()
    assert FRENCH_ONLY["title_fr"] in html
    assert "fallback-note" not in html
    assert not re.search(r'<(?!html)[^>]* lang="fr"', html.split("</header>")[1])


def test_a_text_in_the_page_language_has_no_mark(client, db):
    NewsItem.objects.create(
        slug="both", title_en="Two released", title_fr="Deux libérés", summary_en="s", body_en="b"
    )
    html = client.get("/en/news/both/").content.decode()
    assert "Two released" in html
    assert "fallback-note" not in html.split("<main")[1]


def test_event_city_is_translated_and_falls_back_marked(client, db):
    make_event("geneva", city_en="Geneva", city_fr="Genève", city_hy="Ժնև", country="CH")
    make_event("lyon", city_en=None, city_fr="Lyon", city_hy=None, country="FR")
    assert "Ժնև" in client.get("/hy/events/geneva/").content.decode()
    assert "Genève" in client.get("/fr/events/").content.decode()
    html = client.get("/hy/events/lyon/").content.decode()
    assert 'lang="fr"' in element_with(html, "Lyon")


def test_missing_translations_column_in_the_admin_lists(staff_client):
    NewsItem.objects.create(slug="fr", title_fr="Titre", summary_fr="r", body_fr="c")
    fields = ("title", "summary", "body")
    every = {f"{f}_{c}": f"{f} {c}" for f in fields for c in ("en", "fr", "hy")}
    NewsItem.objects.create(slug="all", **every)
    html = staff_client.get("/en/admin/campaign/newsitem/").content.decode()
    assert "missing translations" in html.lower()
    rows = {row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if "field-missing" in row}
    french_only = next(row for row in rows if "Titre" in row)
    complete = next(row for row in rows if "title en" in row)
    cell = re.compile(r'class="field-missing_translations">(.*?)</td>', re.S)
    assert cell.search(french_only).group(1) == "English, Armenian"
    assert cell.search(complete).group(1) == "—"


@pytest.mark.parametrize(
    "url",
    [
        "/en/admin/campaign/page/",
        "/en/admin/campaign/organisation/",
        "/en/admin/campaign/event/",
        "/en/admin/campaign/petition/",
        "/en/admin/prisoners/detainee/",
        "/en/admin/prisoners/campaignfigure/",
        "/en/admin/sponsorships/commitment/",
        "/en/admin/sponsorships/sponsorship/",
        "/en/admin/sponsorships/sponsor/",
    ],
)
def test_every_translated_model_lists_its_missing_translations(staff_client, url, demo_data):
    assert "column-missing_translations" in staff_client.get(url).content.decode()


def test_event_written_in_armenian_only_gets_an_address(db):
    starts = timezone.now()
    event = Event.objects.create(
        title_hy="Հավաք Երևանում",
        description_hy="…",
        starts_at=starts,
        ends_at=starts,
        place_hy="Հրապարակ",
        city_hy="Երևան",
        country="AM",
    )
    assert event.slug == "havak-yerevanum"


def test_a_part_in_yet_another_language_has_its_own_note(client, db):
    NewsItem.objects.create(
        slug="mixed", title_fr="Titre", summary_fr="Résumé", body_hy="Հայերեն տեքստ"
    )
    html = client.get("/en/news/mixed/").content.decode()
    assert html.count('class="fallback-note"') == 2
    with translation.override("en"):
        assert translation.gettext("This text is available in Armenian only.") in html
    assert re.search(r'<div[^>]* lang="hy"><p>Հայերեն տեքստ', html)
