"""The sponsors wall and the profile tag show only active, consenting sponsors."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from conftest import make_detainee, make_sponsor, make_sponsorship
from prisoners.models import Visibility
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db

TAG = Template("{% load sponsorships_tags %}{% detainee_sponsors detainee %}")


def render_tag(detainee):
    return TAG.render(Context({"detainee": detainee}))


@pytest.mark.parametrize(
    "status",
    [Sponsorship.Status.PENDING, Sponsorship.Status.DECLINED, Sponsorship.Status.ENDED],
)
def test_a_sponsor_that_is_not_active_is_not_shown_anywhere(client, aram, status):
    make_sponsorship(make_sponsor("Hidden Town"), aram, status=status)
    make_sponsorship(make_sponsor("Hidden Group Town"), None, status=status)
    assert "Hidden" not in client.get(reverse("sponsorships:wall")).content.decode()
    assert "Hidden" not in render_tag(aram)
    assert "Hidden" not in client.get(reverse("sponsorships:signup")).content.decode()


def test_a_sponsor_without_public_consent_is_not_shown_anywhere(client, aram):
    make_sponsorship(make_sponsor("Discreet Town", consent=False), aram)
    make_sponsorship(make_sponsor("Discreet Group Town", consent=False), None)
    assert "Discreet" not in client.get(reverse("sponsorships:wall")).content.decode()
    assert "Discreet" not in render_tag(aram)
    assert "Discreet" not in client.get(reverse("sponsorships:signup")).content.decode()


def test_a_hidden_detainee_and_their_sponsors_do_not_appear_on_the_wall(client):
    secret = make_detainee(slug="secret", name="Secret Person", visibility=Visibility.HIDDEN)
    make_sponsorship(make_sponsor("Brave Town"), secret)
    page = client.get(reverse("sponsorships:wall")).content.decode()
    assert "Secret Person" not in page
    assert "Brave Town" not in page


def test_a_limited_detainee_appears_by_initials_only(client):
    limited = make_detainee(slug="limited", name="Narek Avetisyan", visibility=Visibility.LIMITED)
    make_sponsorship(make_sponsor("Careful Town"), limited)
    page = client.get(reverse("sponsorships:wall")).content.decode()
    assert "Careful Town" in page
    assert "N. A." in page
    assert "Narek" not in page


def test_the_wall_groups_sponsors_by_kind_and_shows_the_whole_group_apart(client, aram):
    from sponsorships.models import Sponsor

    make_sponsorship(make_sponsor("Town One"), aram)
    make_sponsorship(make_sponsor("Rights NGO", kind=Sponsor.Kind.NGO, city="Brussels"), aram)
    make_sponsorship(make_sponsor("Everyone's Town"), None)
    page = client.get(reverse("sponsorships:wall")).content.decode()
    city_section = page.split('id="kind-city"')[1].split("</section>")[0]
    ngo_section = page.split('id="kind-ngo"')[1].split("</section>")[0]
    group_section = page.split('id="group-sponsors"')[1].split("</section>")[0]
    assert "Town One" in city_section and "Rights NGO" not in city_section
    assert "Rights NGO" in ngo_section and "Brussels, France" in ngo_section
    assert "Everyone&#x27;s Town" in group_section
    assert "Everyone&#x27;s Town" not in city_section


def test_the_empty_wall_says_so(client, db):
    page = client.get(reverse("sponsorships:wall")).content.decode()
    assert "No one sponsors the whole group yet" in page
    assert "No detainee has a public sponsor yet." in page


def test_the_tag_lists_the_detainee_s_active_public_sponsors(aram):
    other = make_detainee(slug="other", name="Other Person")
    make_sponsorship(make_sponsor("Aram's Town"), aram)
    make_sponsorship(make_sponsor("Other's Town"), other)
    html = render_tag(aram)
    assert "Aram&#x27;s Town" in html
    assert "Other&#x27;s Town" not in html


def test_the_tag_uses_one_query_with_fifty_sponsors(aram, django_assert_max_num_queries):
    for n in range(50):
        make_sponsorship(make_sponsor(f"Sponsor {n:02}"), aram)
    with django_assert_max_num_queries(1):
        html = render_tag(aram)
    assert html.count("<li") == 50


def test_the_wall_stays_within_its_query_budget(client, django_assert_max_num_queries):
    for n in range(50):
        detainee = make_detainee(slug=f"person-{n}", name=f"Person {n}")
        make_sponsorship(make_sponsor(f"Sponsor {n:02}"), detainee)
        make_sponsorship(make_sponsor(f"Group sponsor {n:02}"), None)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("sponsorships:wall"))
    assert response.content.decode().count("Group sponsor") == 50


@pytest.mark.parametrize("size", [10, 1000])
def test_the_wall_query_count_does_not_grow_with_the_sponsors(
    client, db, django_assert_max_num_queries, size
):
    from prisoners.models import Category, Detainee, Visibility
    from sponsorships.models import Sponsor, Sponsorship

    detainees = Detainee.objects.bulk_create(
        Detainee(slug=f"p-{i}", name=f"P {i}", category=Category.POW, visibility=Visibility.PUBLIC)
        for i in range(size)
    )
    sponsors = Sponsor.objects.bulk_create(
        Sponsor(kind=Sponsor.Kind.CITY, name=f"City {i}", country="FR", public_consent=True,
                contact_name="C", email=f"c{i}@example.org")
        for i in range(size)
    )  # fmt: skip
    Sponsorship.objects.bulk_create(
        Sponsorship(sponsor=s, detainee=d, status=Sponsorship.Status.ACTIVE)
        for s, d in zip(sponsors, detainees, strict=True)
    )
    with django_assert_max_num_queries(10):
        response = client.get("/en/sponsors/")
    assert response.content.decode().count("City ") >= size
