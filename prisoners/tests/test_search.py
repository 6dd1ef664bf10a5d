"""Search finds a person whatever the script, accents or usual spelling of the name."""

import pytest

from conftest import make_detainee
from prisoners.models import Detainee, Visibility
from prisoners.search import normalise


@pytest.fixture
def armen(db):
    return make_detainee(
        slug="armen-saghatelyan",
        name_en="Armen Saghatelyan",
        name_fr="Armen Saghatélian",
        name_hy="Արմեն Սաղաթելյան",
    )


@pytest.mark.parametrize(
    "query",
    ["Saghatelyan", "Saghatélian", "Սաղաթելյան", "SAGHATELIAN", "Sakhatelyan", "saghatel"],
)
def test_a_name_is_found_in_any_script_and_spelling(client, armen, query):
    make_detainee(slug="someone-else", name_en="Levon Hakobyan", name_hy="Լևոն Հակոբյան")
    assert list(Detainee.objects.search(query)) == [armen]
    html = client.get("/en/prisoners/", {"q": query}).content.decode()
    assert "Armen Saghatelyan" in html
    assert "Levon Hakobyan" not in html


def test_french_and_english_transliterations_fold_to_one_spelling():
    assert normalise("Guevorg Mkrtchian") == normalise("Գևորգ Մկրտչյան")
    assert normalise("Petrossian") == normalise("Petrosyan") == normalise("Պետրոսյան")
    assert normalise("Երևան") == "yerevan"


def test_the_search_text_follows_the_name_when_it_is_saved(armen):
    armen.name_en = "Armen Tadevosyan"
    armen.name_fr = "Armen Tadevossian"
    armen.name_hy = "Արմեն Թադևոսյան"
    armen.save()
    assert list(Detainee.objects.search("Tadevosian")) == [armen]
    assert not Detainee.objects.search("Saghatelyan").exists()


def test_search_text_is_kept_with_a_partial_save(armen):
    armen.name_fr = "Armen Mardirossian"
    armen.save(update_fields=["name_fr"])
    armen.refresh_from_db()
    assert "mardirosyan" in armen.search_text


def test_a_search_with_no_match_says_so(client, armen):
    html = client.get("/en/prisoners/", {"q": "Nobody"}).content.decode()
    assert "Nobody on record matches" in html
    assert "Armen Saghatelyan" not in html


def test_a_limited_record_cannot_be_found_by_its_full_name(client, db):
    make_detainee(visibility=Visibility.LIMITED, slug="record-17")
    assert not Detainee.objects.search("Karapetyan").exists()
    html = client.get("/en/prisoners/", {"q": "Karapetyan"}).content.decode()
    assert "A. K." not in html
