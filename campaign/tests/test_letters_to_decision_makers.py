"""Issue 18, item 5: letters that reach decision makers. Staff keep the decision makers per
country; the visitor picks a country (suggested from the page's language), one of them and a
detainee or the whole group; the letter offers mailto, copy and a printable page; presses on
"open in my e-mail program" and "print" are counted without emptying the page cache."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from campaign.models import DecisionMaker, LettersOpened, LetterTemplate
from common.cache import generation
from conftest import signed_in
from prisoners.models import Category, Detainee, Visibility

BODY = {
    "en": "Dear Sir or Madam,\n{detainees}\n\n{sender_name}",
    "fr": "Madame, Monsieur,\n{detainees}\n\n{sender_name}",
    "hy": "Հարգելի՛ պարոն, տիկին,\n{detainees}\n\n{sender_name}",
}
SUBJECT = {"en": "Release them", "fr": "Libérez-les", "hy": "Ազատ արձակեք նրանց"}


@pytest.fixture
def letters(db):
    for country in ("FR", "GB", "AM"):
        for language in ("en", "fr", "hy"):
            LetterTemplate.objects.create(
                country=country,
                language=language,
                recipient_name=f"Default recipient {country} {language}",
                recipient_email=f"default-{country.lower()}@example.org",
                subject=SUBJECT[language],
                body=BODY[language],
            )


@pytest.fixture
def makers(letters):
    embassy = DecisionMaker.objects.create(
        country="FR",
        kind=DecisionMaker.Kind.EMBASSY,
        name_en="Embassy of Azerbaijan in France",
        name_fr="Ambassade d'Azerbaïdjan en France",
        name_hy="Ադրբեջանի դեսպանատուն Ֆրանսիայում",
        title_en="The Ambassador",
        postal_address="1 Sample Street\n75000 Paris",
        email="embassy@example.org",
        order=1,
    )
    mep = DecisionMaker.objects.create(
        country="FR",
        kind=DecisionMaker.Kind.MEMBER_OF_EUROPEAN_PARLIAMENT,
        name_en="Jeanne Sample MEP",
        postal_address="2 Sample Square\n1047 Brussels",
        email="mep@example.org",
        order=2,
    )
    DecisionMaker.objects.create(
        country="FR", name_en="Retired Minister", email="gone@example.org", active=False
    )
    DecisionMaker.objects.create(country="GB", name_en="London Member", email="mp@example.org")
    return embassy, mep


def add(slug, name, visibility=Visibility.PUBLIC, **names):
    return Detainee.objects.create(
        slug=slug, name_en=name, category=Category.POW, visibility=visibility, **names
    )


def named_list(body):
    return [line[2:] for line in body.splitlines() if line.startswith("- ")]


# The public flow


def test_the_visitor_chooses_a_decision_maker_and_a_detainee_and_gets_a_letter_naming_them(
    client, makers
):
    _embassy, mep = makers
    add("aram-p", "Aram Public", name_fr="Aram Publique")
    add("vahe-p", "Vahe Other")
    page = client.get("/en/take-action/", {"country": "FR"})
    html = page.content.decode()
    # The country's active decision makers are offered, in order; a retired one is not.
    assert html.index("Embassy of Azerbaijan in France") < html.index("Jeanne Sample MEP")
    assert "Retired Minister" not in html and "London Member" not in html
    assert 'value="aram-p"' in html and ">Aram Public<" in html
    response = client.get(
        "/en/take-action/", {"country": "FR", "to": mep.pk, "detainee": "aram-p", "name": "Jo"}
    )
    assert response.context["recipient"]["name"] == "Jeanne Sample MEP"
    assert named_list(response.context["body"]) == ["Aram Public"]
    html = response.content.decode()
    assert "2 Sample Square" in html and "mep@example.org" in html
    query = parse_qs(urlsplit(response.context["mailto"]).query)
    assert urlsplit(response.context["mailto"]).path == "mep@example.org"
    assert query["subject"] == ["Release them"]
    assert query["body"] == ["Dear Sir or Madam,\r\n- Aram Public\r\n\r\nJo"]
    assert 'href="/en/take-action/letter/?' in html


def test_without_a_choice_the_first_decision_maker_and_the_whole_group_are_suggested(
    client, makers
):
    add("aram-p", "Aram Public")
    add("vahe-p", "Vahe Other")
    response = client.get("/en/take-action/", {"country": "FR"})
    assert response.context["recipient"]["name"] == "Embassy of Azerbaijan in France"
    assert named_list(response.context["body"]) == ["Aram Public", "Vahe Other"]


def test_a_decision_maker_of_another_country_falls_back_to_the_countrys_own(client, makers):
    london = DecisionMaker.objects.get(country="GB")
    response = client.get("/en/take-action/", {"country": "FR", "to": london.pk})
    assert response.context["recipient"]["name"] == "Embassy of Azerbaijan in France"
    assert "London Member" not in response.content.decode()


def test_a_country_without_decision_makers_keeps_the_letters_own_recipient(client, makers):
    response = client.get("/en/take-action/", {"country": "AM"})
    assert response.context["recipient"]["name"] == "Default recipient AM en"
    assert response.context["mailto"].startswith("mailto:default-am@example.org?")
    assert 'name="to"' not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "country", "name"),
    [
        ("en", "GB", "London Member"),
        ("fr", "FR", "Ambassade d'Azerbaïdjan en France"),
        ("hy", "AM", "Default recipient AM hy"),
    ],
)
def test_the_country_is_suggested_by_the_pages_language(client, makers, language, country, name):
    response = client.get(f"/{language}/take-action/")
    assert response.context["form"].cleaned_data["country"] == country
    assert response.context["recipient"]["name"] == name
    assert response.context["letter"].language == language


def test_a_country_in_the_query_string_wins_over_the_language(client, makers):
    response = client.get("/fr/take-action/", {"country": "GB"})
    assert response.context["recipient"]["name"] == "London Member"


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_the_letter_names_the_chosen_person_and_recipient_in_the_letters_script(
    client, makers, language
):
    add("aram-p", "Aram Public", name_fr="Aram Publique", name_hy="Արամ Փաբլիք")
    response = client.get(f"/{language}/take-action/", {"country": "FR", "detainee": "aram-p"})
    expected = {"en": "Aram Public", "fr": "Aram Publique", "hy": "Արամ Փաբլիք"}[language]
    assert named_list(response.context["body"]) == [expected]
    assert response.context["body"].startswith(BODY[language][:8])
    embassy = {
        "en": "Embassy of Azerbaijan in France",
        "fr": "Ambassade d'Azerbaïdjan en France",
        "hy": "Ադրբեջանի դեսպանատուն Ֆրանսիայում",
    }[language]
    assert response.context["recipient"]["name"] == embassy


# The printable letter


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_the_printable_letter_has_the_address_block_date_subject_and_body(client, makers, language):
    with translation.override(language):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    add("aram-p", "Aram Public", name_fr="Aram Publique", name_hy="Արամ Փաբլիք")
    response = client.get(
        f"/{language}/take-action/letter/",
        {"country": "FR", "detainee": "aram-p", "name": "Anna Martin"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    article = html.split('class="printed-letter"')[1].split("</article>")[0]
    assert f'lang="{language}"' in html.split('class="printed-letter"')[0][-40:] + article[:20]
    assert "Anna Martin" in article
    assert "1 Sample Street<br>75000 Paris" in article
    assert f'<p class="letter-date">{today}</p>' in article
    assert SUBJECT[language] in article
    assert {"en": "Aram Public", "fr": "Aram Publique", "hy": "Արամ Փաբլիք"}[language] in article
    assert "css/letter.css" in html
    assert "<script>" not in html and "<style>" not in html


def test_the_printable_letter_without_a_letter_goes_back_to_the_choice(client, letters):
    response = client.get("/en/take-action/letter/", {"country": "XX"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/take-action/?")


# What the public may see of a detainee


def test_a_hidden_detainee_in_the_query_string_is_not_named_anywhere(client, makers):
    add("aram-p", "Aram Public")
    add("hidden-slug", "Secret Person", visibility=Visibility.HIDDEN, name_hy="Զարեհ Թաքուն")
    for path in ("/en/take-action/", "/en/take-action/letter/", "/hy/take-action/"):
        response = client.get(path, {"country": "FR", "detainee": "hidden-slug"})
        html = response.content.decode()
        assert "Secret Person" not in html and "Թաքուն" not in html, path
        assert response.context is None or "letter" not in response.context, path
        # The same answer as for an address that names nobody: no way to tell one exists.
        nobody = client.get(path, {"country": "FR", "detainee": "no-such-slug"})
        assert nobody.status_code == response.status_code
        assert html.replace("hidden-slug", "X") == nobody.content.decode().replace(
            "no-such-slug", "X"
        )
    # Nor offered in the list, nor in the whole group's letter.
    html = client.get("/en/take-action/", {"country": "FR"}).content.decode()
    assert "Secret Person" not in html and "hidden-slug" not in html


def test_a_limited_detainee_is_offered_and_named_by_initials_only(client, makers):
    add("lim-123", "Narek Limited", visibility=Visibility.LIMITED, name_hy="Նարեկ Լիմիթեդ")
    page = client.get("/en/take-action/", {"country": "FR"}).content.decode()
    assert ">N. L.<" in page and "Narek" not in page
    # The whole group lists only records shown in full.
    response = client.get("/en/take-action/", {"country": "FR"})
    assert "N. L." not in response.context["body"]
    for language in ("en", "hy"):
        response = client.get(
            f"/{language}/take-action/letter/", {"country": "FR", "detainee": "lim-123"}
        )
        html = response.content.decode()
        assert "Narek" not in html and "Լիմիթեդ" not in html and "Նարեկ" not in html
        assert named_list(response.context["body"]) == [{"en": "N. L.", "hy": "Ն. Լ."}[language]]
        assert "Narek" not in parse_qs(urlsplit(response.context["mailto"]).query)["body"][0]


# The counter


def test_each_press_counts_once_per_decision_maker_and_the_page_reads_it(client, makers):
    embassy, mep = makers
    assert (
        client.post("/en/take-action/opened/", {"country": "FR", "to": mep.pk}).status_code == 204
    )
    client.post("/en/take-action/opened/", {"country": "FR", "to": mep.pk})
    client.post("/en/take-action/opened/", {"country": "FR", "to": embassy.pk})
    client.post("/en/take-action/opened/", {"country": "AM", "to": ""})
    counts = {
        (row.country, row.decision_maker_id): row.count for row in LettersOpened.objects.all()
    }
    assert counts == {("FR", mep.pk): 2, ("FR", embassy.pk): 1, ("AM", None): 1}
    live = client.get("/en/take-action/opened/", {"country": "FR"}).json()
    assert live["count"] == "3"
    assert live["sentence"] == "3 letters opened from this country"
    html = client.get("/en/take-action/", {"country": "FR"}).content.decode()
    assert "3 letters opened from this country" in html
    assert 'data-count-url="/en/take-action/opened/?country=FR"' in html


def test_a_press_stores_nothing_of_the_visitor_and_checks_its_input(client, makers):
    _embassy, mep = makers
    assert client.post("/en/take-action/opened/", {"country": "XX"}).status_code == 400
    assert client.put("/en/take-action/opened/").status_code == 405
    assert client.get("/en/take-action/opened/", {"country": "XX"}).status_code == 400
    # A decision maker of another country or an odd value counts for the country only.
    client.post("/en/take-action/opened/", {"country": "GB", "to": mep.pk})
    client.post("/en/take-action/opened/", {"country": "GB", "to": "1 OR 1=1"})
    assert list(LettersOpened.objects.values_list("country", "decision_maker", "count")) == [
        ("GB", None, 2)
    ]
    fields = {f.name for f in LettersOpened._meta.get_fields()}
    assert fields == {"id", "country", "decision_maker", "count"}


def test_presses_are_rate_limited_by_address(client, makers):
    for _press in range(40):
        client.post("/en/take-action/opened/", {"country": "FR"})
    assert LettersOpened.for_country("FR") == 30


def test_a_press_does_not_drop_cached_pages(client, makers, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = "/en/take-action/?country=FR"
    before = generation()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    visitor = Client()
    visitor.post("/en/take-action/opened/", {"country": "FR"})  # creates the row
    visitor.post("/en/take-action/opened/", {"country": "FR"})  # moves it with F()
    assert LettersOpened.for_country("FR") == 2
    assert generation() == before
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get("/en/")["X-Page-Cache"] in ("miss", "hit")


# The query budget


@pytest.mark.parametrize("path", ["/en/take-action/", "/hy/take-action/letter/"])
def test_the_pages_run_the_same_few_queries_with_many_people_and_decision_makers(
    client, makers, django_assert_max_num_queries, path
):
    def grow(n):
        start = Detainee.objects.count()
        for i in range(start, start + n):
            add(f"p-{i}", f"Person {i}", visibility=(Visibility.LIMITED if i % 3 else "PUBLIC"))
            member = DecisionMaker.objects.create(country="FR", name_en=f"Member {i}")
            LettersOpened.objects.create(country="FR", decision_maker=member, count=i)

    client.get(path)  # the footer's organisations, cached once for every page
    counts = []
    for n in (2, 30):
        grow(n)
        with django_assert_max_num_queries(10) as queries:
            response = client.get(path, {"country": "FR", "detainee": "p-1"})
        assert response.status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1], counts


# Staff


def test_editors_keep_the_decision_makers_in_the_admin(client, editor, makers):
    signed_in(editor, client)
    listing = client.get("/en/admin/campaign/decisionmaker/")
    assert listing.status_code == 200
    assert "Jeanne Sample MEP" in listing.content.decode()
    assert client.get("/en/admin/campaign/decisionmaker/add/").status_code == 200


def test_the_take_action_pages_are_in_the_sitemap_in_the_three_languages(client, letters):
    from campaign.tests.test_discovery import BASE, sitemap_entries

    entries = sitemap_entries(client)
    for language in ("en", "fr", "hy"):
        for path in ("take-action/", "take-action/letter/"):
            assert f"{BASE}/{language}/{path}" in entries


def test_a_decision_maker_gets_the_letter_written_for_their_kind_else_the_countrys(client, makers):
    embassy, mep = makers
    for language in ("en", "fr", "hy"):
        LetterTemplate.objects.create(
            country="FR",
            recipient_kind=DecisionMaker.Kind.MEMBER_OF_EUROPEAN_PARLIAMENT,
            language=language,
            recipient_name="Any MEP",
            subject=f"MEP {language}",
            body="Dear Member of the European Parliament,\n{detainees}",
        )
    to_mep = client.get("/fr/take-action/", {"country": "FR", "to": mep.pk})
    assert to_mep.context["letter"].subject == "MEP fr"
    assert to_mep.context["body"].startswith("Dear Member of the European Parliament")
    to_embassy = client.get("/fr/take-action/", {"country": "FR", "to": embassy.pk})
    assert to_embassy.context["letter"].subject == SUBJECT["fr"]
    assert to_embassy.context["letter"].recipient_kind == ""
