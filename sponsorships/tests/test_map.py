"""The map of sponsoring cities: drawn from bundled data, a mark per place of a public city or
organisation sponsor, the same places listed beside it, and no one the public may not see."""

import re

import pytest

from conftest import make_detainee, make_sponsor, make_sponsorship, signed_in
from prisoners.models import Visibility
from sponsorships import geo
from sponsorships.models import Sponsor, Sponsorship

pytestmark = pytest.mark.django_db
URL = "/en/sponsors/map/"


def inside(point, ring):
    """Ray casting: is `point` inside the polygon `ring`?"""
    x, y = point
    found = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            found = not found
    return found


def test_a_city_is_found_by_its_name_whatever_the_accents_and_hyphens():
    lat, lon = geo.city_location("Lyon", "FR")
    assert abs(lat - 45.75) < 0.1 and abs(lon - 4.85) < 0.1
    assert geo.city_location("saint etienne", "fr") == geo.city_location("Saint-Étienne", "FR")
    assert geo.city_location("Nowhere-sur-Rien", "FR") is None
    assert geo.city_location("", "FR") is None


@pytest.mark.parametrize(
    ("city", "country", "name"),
    [("Yerevan", "AM", "Armenia"), ("Lyon", "FR", "France"), ("Baku", "AZ", "Azerbaijan")],
)
def test_a_city_lies_inside_its_own_country_on_the_drawing(city, country, name):
    lat, lon = geo.city_location(city, country)
    point = geo.mercator(lon, lat)
    rings = [ring for country_name, ring, _box in geo._countries() if country_name == name]
    assert any(inside(point, ring) for ring in rings)


def sponsor_in(city, country="FR", kind=Sponsor.Kind.CITY, **extra):
    sponsor = make_sponsor(f"Ville de {city}", city=city, country=country, kind=kind, **extra)
    sponsor.locate()
    sponsor.save()
    return sponsor


def test_public_cities_and_organisations_get_a_mark_and_a_line_in_the_list(client):
    person = make_detainee()
    make_sponsorship(sponsor_in("Lyon"), person)
    make_sponsorship(sponsor_in("Marseille", kind=Sponsor.Kind.NGO), None)
    make_sponsorship(sponsor_in("Lille", kind=Sponsor.Kind.INDIVIDUAL), person)
    make_sponsorship(sponsor_in("Nantes"), person, status=Sponsorship.Status.PENDING)
    make_sponsorship(sponsor_in("Rennes", consent=False), person)
    html = client.get(URL).content.decode()
    assert len(re.findall(r"<circle ", html)) == 2
    assert "Ville de Lyon" in html and "Ville de Marseille" in html
    for absent in ("Lille", "Nantes", "Rennes"):
        assert absent not in html
    assert person.public_name in html


def test_a_hidden_persons_sponsor_is_not_mapped_and_a_limited_one_is_named_by_initials(client):
    hidden = make_detainee("hidden-one", name="Hidden Secretname", visibility=Visibility.HIDDEN)
    limited = make_detainee("limited-one", name="Limited Secretname", visibility=Visibility.LIMITED)
    make_sponsorship(sponsor_in("Lyon"), hidden)
    make_sponsorship(sponsor_in("Paris"), limited)
    html = client.get(URL).content.decode()
    assert "Secretname" not in html and "Ville de Lyon" not in html
    assert limited.public_name in html


def test_staff_correct_a_mark_by_hand_and_moving_the_city_finds_the_new_place(alice):
    sponsor = sponsor_in("Lyon")
    staff = signed_in(alice)
    page = staff.get(f"/en/admin/sponsorships/sponsor/{sponsor.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "logo"}
    data.update({"city_en": "Lyon", "latitude": "45.0", "longitude": "5.0"})
    data.update({f"sponsorships-{k}": v for k, v in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()})
    response = staff.post(f"/en/admin/sponsorships/sponsor/{sponsor.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    sponsor.refresh_from_db()
    assert (sponsor.latitude, sponsor.longitude) == (45.0, 5.0)
    data.update({"city_en": "Grenoble", "latitude": "45.0", "longitude": "5.0"})
    staff.post(f"/en/admin/sponsorships/sponsor/{sponsor.pk}/change/", data)
    sponsor.refresh_from_db()
    assert abs(sponsor.latitude - 45.19) < 0.1


def test_an_empty_map_says_so(client):
    assert "No sponsoring city" in client.get(URL).content.decode()


def test_the_map_runs_the_same_queries_for_few_and_many(client, django_assert_max_num_queries):
    cities = ["Lyon", "Paris", "Marseille", "Lille", "Nice", "Toulouse", "Bordeaux", "Nantes"]
    for i, city in enumerate(cities[:2]):
        make_sponsorship(sponsor_in(city), make_detainee(f"p{i}", name=f"Person {i}"))
    with django_assert_max_num_queries(10):
        client.get(URL)
    for i, city in enumerate(cities[2:], start=2):
        make_sponsorship(sponsor_in(city), make_detainee(f"p{i}", name=f"Person {i}"))
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
