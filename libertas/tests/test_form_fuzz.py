"""Property-based tests: every public form, fed hostile text, never fails and never echoes markup.

Hypothesis draws random text, markup, very long strings and mixed scripts (Armenian,
Cyrillic, Arabic, emoji, NUL and control characters) and puts it in one field at a time.
Whatever the input: no 500, and the injected markup never comes back unescaped.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign.models import Petition
from conftest import RecordingStripe, signup_data
from donations import services as donations_services
from prisoners.models import Category, Detainee, Visibility
from sponsorships.models import Commitment

MARKUP = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7|add:7 }}{% now 'Y' %}",
]
# Substrings that would only appear if the markup were echoed raw.
RAW = ["<script>alert", "<img src=x", "<svg onload"]

mixed_scripts = st.text(
    alphabet=st.sampled_from(
        list("Աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ")
        + list("АБВГДЕЖЗИЙКЛМНОПабвгдежз")
        + list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
        + [
            "😀",
            "‮",
            "\u200b",
            "\x00",
            "\x07",
            "\x1b",
            "\r",
            "\n",
            "\t",
            "'",
            '"',
            "<",
            ">",
            "&",
        ]
    ),
    max_size=80,
)
hostile = st.one_of(
    st.text(max_size=200),
    mixed_scripts,
    st.sampled_from(MARKUP),
    st.tuples(mixed_scripts, st.sampled_from(MARKUP), st.text(max_size=20)).map("".join),
    st.integers(min_value=1_000, max_value=20_000).map(lambda n: "Ա" * n),
    st.integers(min_value=1_000, max_value=20_000).map(lambda n: "<script>" * (n // 8)),
)

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def world(db, settings, monkeypatch, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    monkeypatch.setattr(donations_services, "http_client", RecordingStripe())
    Petition.objects.create(
        title="Free them", text="Release them.", addressees="A minister", goal=10
    )
    return Detainee.objects.create(
        slug="aram-test", name_en="Aram Test", category=Category.POW, visibility=Visibility.PUBLIC
    )


def check(response):
    assert response.status_code < 500, response.status_code
    if response.status_code in (301, 302):
        return
    html = response.content.decode()
    for raw in RAW:
        assert raw not in html


def submit(url, base, field, value, method="post"):
    cache.clear()  # rate limits would end the run long before the examples do
    client = Client()
    data = {**base, field: value}
    response = getattr(client, method)(url, data)
    if response.status_code in (301, 302) and response["Location"].startswith("/"):
        check(client.get(response["Location"]))
    check(response)


# Every field of the public sponsorship form, as a city fills it (commitments included).
SIGNUP_FIELDS = list(signup_data(None, []))


@FUZZ
@given(field=st.sampled_from(SIGNUP_FIELDS), value=hostile)
def test_sponsor_sign_up_survives_hostile_input(world, field, value):
    base = signup_data(None, list(Commitment.objects.all()))
    submit("/en/sponsor/", base, field, value)


DONATE = {
    "amount_choice": "other",
    "custom_amount": "35",
    "currency": "EUR",
    "frequency": "ONCE",
    "donor_name": "Nare Sample",
    "donor_email": "nare@example.org",
    "dedicated_to": "",
}


@FUZZ
@given(field=st.sampled_from(list(DONATE)), value=hostile)
def test_donation_form_survives_hostile_input(world, field, value):
    submit("/en/donate/", DONATE, field, value)


PETITION = {"name": "Anna", "email": "anna@example.org", "country": "FR", "comment": "Free them"}


@FUZZ
@given(field=st.sampled_from(list(PETITION)), value=hostile)
def test_petition_survives_hostile_input(world, field, value):
    submit("/en/petition/", PETITION, field, value)


@FUZZ
@given(value=hostile)
def test_follow_survives_hostile_input(world, value):
    submit(f"/en/follow/{world.slug}/", {}, "email", value)


MESSAGE = {
    "text": "Courage, we think of you.",
    "language": "",
    "first_name": "Anna",
    "city": "Lyon",
    "email": "anna@example.org",
    "consent_public": "on",
}


@FUZZ
@given(field=st.sampled_from(list(MESSAGE)), value=hostile)
def test_message_of_solidarity_survives_hostile_input(world, field, value):
    submit(f"/en/message/{world.slug}/", MESSAGE, field, value)


REPORT = {
    "what_is_wrong": "The birth year is 1990.",
    "evidence": "https://example.org/report",
    "name": "Mariam",
    "email": "mariam@example.org",
}


@FUZZ
@given(field=st.sampled_from(list(REPORT)), value=hostile)
def test_correction_report_survives_hostile_input(world, field, value):
    submit(f"/en/prisoners/{world.slug}/report/", REPORT, field, value)


@FUZZ
@given(field=st.sampled_from(["country", "name"]), value=hostile)
def test_take_action_survives_hostile_input(world, field, value):
    submit("/hy/take-action/", {"country": "FR", "name": "Anna"}, field, value, method="get")


@FUZZ
@given(field=st.sampled_from(["q", "category", "status", "page"]), value=hostile)
def test_registry_search_survives_hostile_input(world, field, value):
    submit("/en/prisoners/", {"q": "aram"}, field, value, method="get")


@FUZZ
@given(value=hostile)
def test_news_filter_survives_hostile_input(world, value):
    submit("/fr/news/", {}, "kind", value, method="get")


def test_the_query_is_echoed_escaped(world):
    html = Client().get("/en/prisoners/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
