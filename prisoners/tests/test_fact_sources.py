"""Per-fact sources (issue 17, item 3): each fact of a profile can carry its own source and
reliability, shown next to it; a LIMITED profile shows how reliable, never what the source is."""

import datetime

from django.urls import reverse

from conftest import make_detainee
from prisoners.models import DetaineeSource, Fact, Reliability, Source, Visibility


def cite(detainee, fact, title, reliability=Reliability.RELIABLE):
    source = Source.objects.create(
        title=title,
        url=f"https://example.org/{title.lower().replace(' ', '-')}",
        reliability=reliability,
    )
    DetaineeSource.objects.create(detainee=detainee, source=source, fact=fact)
    return source


def facts_of(detainee, client):
    page = client.get(detainee.get_absolute_url()).content.decode()
    return page.split('class="row profile-facts"')[1].split("</dl>")[0], page


def a_detainee_with_facts(**fields):
    return make_detainee(
        charges_en="Illegal border crossing",
        sentence_en="6 years",
        place_of_detention_en="Baku pre-trial centre",
        **fields,
    )


def test_each_fact_shows_its_own_source_next_to_it(client, db):
    detainee = a_detainee_with_facts()
    cite(detainee, Fact.SENTENCE, "Court ruling report", Reliability.CONFIRMED)
    cite(detainee, Fact.PLACE_OF_DETENTION, "Prison visit note")
    cite(detainee, Fact.GENERAL, "Campaign brochure")
    facts, page = facts_of(detainee, client)
    sentence = facts.split("6 years")[1].split("</dd>")[0]
    assert "Court ruling report" in sentence and "Confirmed by an official body" in sentence
    place = facts.split("Baku pre-trial centre")[1].split("</dd>")[0]
    assert "Prison visit note" in place and "Court ruling report" not in place
    # The profile's own sources stay in the list below; a fact's are not repeated there.
    listed = page.split('id="sources-heading"')[1].split("</section>")[0]
    assert "Campaign brochure" in listed and "Court ruling report" not in listed
    assert "Campaign brochure" not in facts


def test_one_source_may_back_several_facts(client, db):
    detainee = a_detainee_with_facts()
    source = cite(detainee, Fact.CHARGES, "Indictment summary")
    DetaineeSource.objects.create(detainee=detainee, source=source, fact=Fact.SENTENCE)
    facts, _page = facts_of(detainee, client)
    assert facts.count("Indictment summary") == 2


def test_the_capture_and_last_seen_carry_their_sources(client, db):
    detainee = make_detainee(
        category="DISAPPEARED",
        captured_on=datetime.date(2020, 11, 1),
        last_seen_on=datetime.date(2020, 11, 1),
    )
    cite(detainee, Fact.CAPTURE, "Witness account")
    cite(detainee, Fact.LAST_SEEN, "Video footage")
    facts, _page = facts_of(detainee, client)
    assert "Witness account" in facts and "Video footage" in facts


def test_a_limited_profile_shows_a_fact_s_reliability_but_no_title_or_link(client, db):
    detainee = a_detainee_with_facts(slug="a-k", visibility=Visibility.LIMITED)
    cite(detainee, Fact.SENTENCE, "Named Person Trial", Reliability.CONFIRMED)
    cite(detainee, Fact.GENERAL, "General Named Report")
    facts, page = facts_of(detainee, client)
    assert "Confirmed by an official body" in facts
    assert "Named Person Trial" not in page and "named-person-trial" not in page
    assert "General Named Report" not in page and 'id="sources-heading"' not in page


def test_staff_choose_the_fact_a_source_backs_in_the_detainee_s_form(staff_client, db):
    detainee = make_detainee()
    source = cite(detainee, Fact.SENTENCE, "Court ruling report")
    url = reverse("admin:prisoners_detainee_change", args=[detainee.pk])
    page = staff_client.get(url).content.decode()
    assert 'name="detaineesource_set-0-fact"' in page
    assert '<option value="SENTENCE" selected>' in page
    assert source.pk
