"""Money as each language writes it, the donors wall, the Stripe check, the demo data."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from conftest import make_donation
from donations.models import Donation, DonationStatus
from donations.money import format_money


@pytest.mark.parametrize(
    ("language", "minor", "currency", "text"),
    [
        ("en", 5000, "EUR", "€50.00"),
        ("en", 1000001, "USD", "$10,000.01"),
        ("fr", 5000, "EUR", "50,00\u00a0€"),
        ("fr", 1000000, "EUR", "10\u202f000,00\u00a0€"),
        ("hy", 2505, "USD", "25,05\u00a0$"),
    ],
)
def test_money_is_written_the_way_each_language_writes_it(language, minor, currency, text):
    assert format_money(minor, currency, language) == text


def test_donors_wall_names_only_paid_consenting_donors(client, db, django_assert_max_num_queries):
    make_donation(status=DonationStatus.PAID, donor_name="Willing Donor", show_on_wall=True)
    make_donation(status=DonationStatus.PAID, donor_name="Quiet Donor", show_on_wall=False)
    make_donation(status=DonationStatus.PENDING, donor_name="Unpaid Donor", show_on_wall=True)
    make_donation(status=DonationStatus.REFUNDED, donor_name="Refunded Donor", show_on_wall=True)
    with translation.override("en"):
        url = reverse("donations:donors")
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert "Willing Donor" in response.text
    for hidden in ("Quiet Donor", "Unpaid Donor", "Refunded Donor", "€"):
        assert hidden not in response.text


def test_stripe_check_names_what_is_missing(settings, capsys):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    with pytest.raises(CommandError):
        call_command("stripe_check")
    err = capsys.readouterr().err
    assert "STRIPE_SECRET_KEY is not set" in err
    assert "STRIPE_WEBHOOK_SECRET is not set" in err
    assert "/stripe/webhook/" in err


def test_stripe_check_passes_when_configured(settings, capsys):
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_x"
    call_command("stripe_check")
    assert "Stripe is configured (test mode" in capsys.readouterr().out


def test_demo_donations_load_twice_without_duplicates(db):
    call_command("load_demo", verbosity=0)
    count = Donation.objects.paid().count()
    call_command("load_demo", verbosity=0)
    assert Donation.objects.paid().count() == count >= 3


def test_donate_page_offers_only_the_record_the_visitor_came_from(client, settings, db):
    from prisoners.models import Detainee, Visibility

    settings.STRIPE_SECRET_KEY = "sk_test_page"
    chosen, other = (
        Detainee.objects.create(slug=slug, name=slug.title(), category="POW",
                                visibility=Visibility.PUBLIC)
        for slug in ("chosen-person", "other-person")
    )  # fmt: skip
    plain = client.get("/en/donate/").content.decode()
    assert "Chosen-Person" not in plain and "Other-Person" not in plain
    page = client.get(f"/en/donate/?dedicated_to={chosen.pk}").content.decode()
    assert "Chosen-Person" in page
    assert "Other-Person" not in page


@pytest.mark.parametrize("size", [10, 2000])
def test_donate_page_stays_within_ten_queries_whatever_the_registry_size(
    client, settings, db, django_assert_max_num_queries, size
):
    from prisoners.models import Detainee, Visibility

    settings.STRIPE_SECRET_KEY = "sk_test_page"
    Detainee.objects.bulk_create(
        Detainee(slug=f"p-{i}", name=f"P {i}", category="POW", visibility=Visibility.PUBLIC)
        for i in range(size)
    )
    first = Detainee.objects.order_by("pk").first()
    for url in ("/en/donate/", f"/en/donate/?dedicated_to={first.pk}"):
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.content) < 30_000
