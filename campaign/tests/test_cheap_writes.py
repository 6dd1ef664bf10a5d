"""The busiest writes are cheap and never lost: a signature costs the same few queries
whatever the number of signatures, the page reads a counter instead of counting, and a
database too busy to write answers 503 with the form as typed, never 500."""

from unittest import mock

from django.core import mail
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.models import Petition, Signature

SIGNER = {"name": "Anna", "email": "anna@example.org", "country": "FR", "comment": "Free them"}


def add_signatures(petition, count, start=0):
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(
            petition=petition,
            name=f"S{i}",
            email=f"s{i}@example.org",
            country="FR",
            language="en",
            confirmed_at=now if i % 2 else None,
        )
        for i in range(start, start + count)
    )


def queries_of(client, method, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    assert response.status_code in (200, 302)
    return [query["sql"] for query in captured.captured_queries]


def test_a_signature_costs_the_same_queries_at_10_and_10000_signatures(client, petition):
    add_signatures(petition, 10)
    client.get("/en/petition/")  # the footer's organisations are cached once for all pages
    small_sign = queries_of(client, "post", "/en/petition/", SIGNER)
    small_page = queries_of(client, "get", "/en/petition/")
    add_signatures(petition, 9_990, start=10)
    big_sign = queries_of(client, "post", "/en/petition/", {**SIGNER, "email": "b@example.org"})
    big_page = queries_of(client, "get", "/en/petition/")
    assert Signature.objects.count() == 10_002
    assert len(big_sign) == len(small_sign) <= 12, big_sign
    assert len(big_page) == len(small_page)
    # The page never counts the signatures: it reads the petition's counter.
    assert not [sql for sql in big_page if "COUNT(" in sql.upper() and "signature" in sql]
    assert len(mail.outbox) == 2


def test_the_counter_counts_each_confirmation_once(client, petition):
    signature = Signature.objects.sign(petition, "a@example.org", name="A", country="FR")
    assert signature.confirm() is True
    assert Signature.objects.get(pk=signature.pk).confirm() is False  # a second click
    petition.refresh_from_db()
    assert petition.confirmed_count == 1 == petition.signatures.confirmed().count()


def test_deleting_a_confirmed_signature_uncounts_it(petition):
    add_signatures(petition, 4)
    petition.recount()
    assert petition.confirmed_count == 2
    Signature.objects.filter(confirmed_at__isnull=False).first().delete()
    Signature.objects.filter(confirmed_at__isnull=True).delete()
    petition.refresh_from_db()
    assert petition.confirmed_count == 1 == petition.signatures.confirmed().count()


def test_a_signature_created_confirmed_counts(petition):
    Signature.objects.create(
        petition=petition, name="A", email="a@example.org", country="FR", language="en",
        confirmed_at=timezone.now(),
    )  # fmt: skip
    assert Petition.objects.get().confirmed_count == 1


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


def test_a_busy_database_answers_503_with_the_form_as_typed(client, petition):
    with mock.patch.object(Signature.objects, "sign", side_effect=locked):
        response = client.post("/en/petition/", SIGNER)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'value="Anna"' in html and 'value="anna@example.org"' in html
    assert "Free them</textarea>" in html
    assert "could not be saved" in html
    assert Signature.objects.count() == 0
    # Sent again once the database is free, it is saved.
    assert client.post("/en/petition/", SIGNER).status_code == 302
    assert Signature.objects.count() == 1


def test_a_busy_database_keeps_a_correction_report_as_typed(client, detainee):
    data = {"what_is_wrong": "The date of capture is 2023-09-28."}
    with mock.patch("prisoners.views.notify_staff", side_effect=locked):
        response = client.post(f"/en/prisoners/{detainee.slug}/report/", data)
    assert response.status_code == 503
    assert "The date of capture is 2023-09-28.</textarea>" in response.content.decode()


def test_other_database_errors_are_not_hidden(client, petition):
    def broken(*args, **kwargs):
        raise OperationalError("no such table: campaign_signature")

    client.raise_request_exception = False
    with mock.patch.object(Signature.objects, "sign", side_effect=broken):
        assert client.post("/en/petition/", SIGNER).status_code == 500
