import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from campaign.forms import LetterForm
from campaign.models import LetterTemplate
from prisoners.models import Category, Detainee, Status, Visibility


@pytest.fixture
def letters(db):
    common = {"subject": "Release them", "body": "Dear Ambassador,\n{detainees}\n\n{sender_name}"}
    LetterTemplate.objects.create(
        country="FR",
        language="fr",
        recipient_name="Ambassade d'Azerbaïdjan en France",
        **{**common, "subject": "Libérez-les"},
    )
    LetterTemplate.objects.create(
        country="FR",
        language="en",
        recipient_name="Embassy of Azerbaijan in France",
        **common,
    )


def add(slug, name, visibility=Visibility.PUBLIC, status=Status.HELD):
    return Detainee.objects.create(
        slug=slug, name_en=name, category=Category.POW, visibility=visibility, status=status
    )


def test_take_action_shows_the_letter_for_the_country_and_language(
    client, letters, django_assert_max_num_queries
):
    add("a", "Aram Public")
    add("h", "Hidden Person", visibility=Visibility.HIDDEN)
    add("r", "Released Person", status=Status.RELEASED)
    with django_assert_max_num_queries(10):
        html = client.get("/fr/take-action/?country=FR&name=Marie+Dupont").content.decode()
    assert "Ambassade d&#x27;Azerbaïdjan en France" in html
    assert "- Aram Public" in html
    assert "Marie Dupont" in html
    assert "Hidden Person" not in html
    assert "Released Person" not in html
    assert 'data-copy-target="letter-body"' in html
    assert "js/campaign.js" in html
    assert "<script>" not in html


def test_take_action_falls_back_to_english_when_no_letter_in_the_language(client, letters):
    html = client.get("/hy/take-action/?country=FR").content.decode()
    assert "Embassy of Azerbaijan in France" in html


def test_mailto_link_carries_the_subject_and_body_encoded(client, letters):
    add("a", "Aram Public")
    response = client.get("/en/take-action/?country=FR&name=Jo")
    mailto = response.context["mailto"]
    assert mailto.startswith("mailto:?subject=")
    query = parse_qs(urlsplit(mailto).query)
    assert query["subject"] == ["Release them"]
    assert query["body"][0] == "Dear Ambassador,\r\n- Aram Public\r\n\r\nJo"
    assert " " not in mailto and "\n" not in mailto
    assert unquote(mailto).count("Aram Public") == 1


def test_take_action_without_a_letter_for_the_country_says_so(client, letters):
    html = client.get("/en/take-action/?country=DE").content.decode()
    assert "We have no letter for Germany yet" in html
    assert "letter-body" not in html


def test_take_action_keeps_the_choice_and_explains_a_bad_country(client, letters):
    html = client.get("/en/take-action/?country=XX&name=Jo").content.decode()
    assert 'value="Jo"' in html
    assert "Select a valid choice" in html


# Each letter in its own language, the names in its own script.

ARMENIAN = re.compile(r"[\u0531-\u0587]")


def named_list(body):
    return [line[2:] for line in body.splitlines() if line.startswith("- ")]


def test_every_country_with_a_letter_has_it_in_the_three_languages(demo_data):
    languages = {}
    for country, language in LetterTemplate.objects.values_list("country", "language"):
        languages.setdefault(country, set()).add(language)
    assert {"FR", "BE", "CH", "GB", "US"} <= set(languages)
    assert all(found == {"en", "fr", "hy"} for found in languages.values()), languages


def test_every_country_offered_has_a_letter_in_each_language(client, demo_data):
    """Each country of the form's list, in each language, shows a letter written in that
    language: its own, or the one to Azerbaijan's ambassador wherever the visitor lives."""
    offered = [code for code, _name in LetterForm.base_fields["country"].choices if code]
    assert len(offered) > 25, offered
    wrong = []
    for country in offered:
        for language in ("en", "fr", "hy"):
            response = client.get(f"/{language}/take-action/", {"country": country})
            letter = response.context.get("letter")
            if letter is None or letter.language != language:
                wrong.append((country, language, letter and letter.language))
    assert not wrong, wrong
    # Armenia has its own: Azerbaijan has no embassy there to write to.
    assert LetterTemplate.objects.for_country("AM", "hy").country == "AM"
    assert LetterTemplate.objects.for_country("DE", "fr").country == "ZZ"


@pytest.mark.parametrize("country", ["FR", "BE", "CH", "GB", "US"])
@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_the_letter_is_in_the_page_language_with_names_in_its_script(
    client, demo_data, country, language
):
    Detainee.objects.create(
        slug="aram-letter",
        name_en="Aram Letteryan",
        name_fr="Aram Letterian",
        name_hy="Արամ Լեթերյան",
        category=Category.POW,
        visibility=Visibility.PUBLIC,
    )
    response = client.get(f"/{language}/take-action/", {"country": country, "name": "Anna"})
    letter, body = response.context["letter"], response.context["body"]
    assert letter.language == language
    names = named_list(body)
    expected = {"en": "Aram Letteryan", "fr": "Aram Letterian", "hy": "Արամ Լեթերյան"}[language]
    assert expected in names
    in_armenian = [bool(ARMENIAN.search(name)) for name in names]
    assert all(in_armenian) if language == "hy" else not any(in_armenian)
    # The letter's own words are in its language too, not only the names.
    prose = "\n".join(line for line in body.splitlines() if not line.startswith("- "))
    assert bool(ARMENIAN.search(prose)) == (language == "hy")
    html = response.content.decode()
    assert f'rows="18" lang="{language}">' in html
    assert "fallback-note" not in html.split("<main")[1]


def test_a_letter_in_another_language_names_people_in_its_script_and_says_so(client, letters):
    add("a", "Aram Public")
    Detainee.objects.filter(slug="a").update(name_hy="Արամ Փաբլիք")
    response = client.get("/hy/take-action/?country=FR")
    assert response.context["letter"].language == "en"
    assert named_list(response.context["body"]) == ["Aram Public"]
    html = response.content.decode()
    assert 'rows="18" lang="en">' in html
    assert 'class="fallback-note"' in html


def test_the_letter_list_shows_the_languages_a_country_lacks(staff_client, letters):
    html = staff_client.get("/en/admin/campaign/lettertemplate/").content.decode()
    cells = re.findall(r'class="field-missing_translations">(.*?)</td>', html)
    assert cells == ["Armenian", "Armenian"]
