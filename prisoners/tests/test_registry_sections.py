"""The registry list starts with the people still held (held, or fate unknown); released and
deceased people are one click away, counted, never mixed in among those held."""

import pytest

from conftest import make_detainee
from prisoners.models import Category, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    make_detainee("held", name="Aram Held")
    make_detainee("unknown", name="Gor Unknown", status=Status.UNKNOWN)
    make_detainee("released", name="Raffi Released", status=Status.RELEASED)
    make_detainee(
        "released-pow", name="Sevak Released", status=Status.RELEASED, category=Category.POW
    )
    make_detainee("deceased", name="Davit Deceased", status=Status.DECEASED)


def listing(client, query=""):
    return client.get(f"/en/prisoners/{query}").content.decode()


def test_the_default_list_shows_the_held_and_those_of_unknown_fate_only(client, people):
    html = listing(client)
    assert "Aram Held" in html and "Gor Unknown" in html
    assert "Raffi Released" not in html and "Davit Deceased" not in html
    assert 'All <span class="count">2</span>' in html


def test_released_and_deceased_people_are_counted_and_linked_apart(client, people):
    html = listing(client)
    assert '<a href="?status=RELEASED">Released <span class="count">2</span></a>' in html
    assert '<a href="?status=DECEASED">Deceased <span class="count">1</span></a>' in html

    released = listing(client, "?status=RELEASED")
    assert "Raffi Released" in released and "Sevak Released" in released
    assert "Aram Held" not in released and "Davit Deceased" not in released


def test_the_counts_apart_follow_the_category_tab(client, people):
    html = listing(client, "?category=POW")
    released = '<a href="?status=RELEASED&amp;category=POW">Released <span class="count">1</span>'
    deceased = '<a href="?status=DECEASED&amp;category=POW">Deceased <span class="count">0</span>'
    assert released in html and deceased in html


def test_every_status_can_be_listed_together(client, people):
    html = listing(client, "?status=ALL")
    for name in ("Aram Held", "Gor Unknown", "Raffi Released", "Davit Deceased"):
        assert name in html
    assert 'data-testid="registry-apart"' not in html


def test_a_name_search_looks_through_every_status(client, people):
    html = listing(client, "?q=Raffi")
    assert "Raffi Released" in html


def test_a_status_card_says_the_status_in_words(client, people):
    html = listing(client, "?status=ALL")
    assert '<span class="status status-released">Released</span>' in html
    assert '<span class="status status-deceased">Deceased</span>' in html
    assert '<span class="status status-unknown">Fate unknown</span>' in html
    assert '<span class="status status-held">Held</span>' in html
