from urllib.parse import parse_qs, unquote, urlsplit

import pytest

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
