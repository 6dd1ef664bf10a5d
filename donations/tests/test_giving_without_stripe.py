"""Giving without online payment (issue 17, item 6): Finance publishes bank and postal
details, and when the beneficiary is eligible, what a French taxpayer can deduct."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from conftest import make_staff
from donations.models import GivingDetails, validate_iban

IBAN = "FR76 3000 6000 0112 3456 7890 189"


def donate_page(client, language="en"):
    with translation.override(language):
        url = reverse("donations:donate")
    return client.get(url).content.decode()


@pytest.fixture
def no_stripe(settings):
    settings.STRIPE_SECRET_KEY = ""


@pytest.fixture
def published(db):
    details = GivingDetails(
        account_holder="Centre Covcas",
        iban=IBAN.replace(" ", "").lower(),
        bic="agrifrpp",
        bank_name="Banque Exemple",
        cheque_payee="Centre Covcas",
        postal_address="1 rue de l'Exemple\n75000 Paris",
        transfer_reference_en="Gift Libertas",
    )
    details.save()
    return details


def test_without_stripe_and_details_the_page_gives_the_contact_address_as_a_link(
    client, db, no_stripe, settings
):
    page = donate_page(client)
    assert f'href="mailto:{settings.CONTACT_EMAIL}"' in page
    assert 'data-testid="other-ways"' not in page


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_without_stripe_the_page_shows_the_bank_and_postal_details(
    client, no_stripe, published, language
):
    page = donate_page(client, language)
    assert 'data-testid="other-ways"' in page
    for shown in ["Centre Covcas", IBAN, "AGRIFRPP", "Banque Exemple", "75000 Paris"]:
        assert shown in page
    assert 'name="amount_choice"' not in page


def test_with_stripe_the_details_are_offered_as_another_way(client, published, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_giving"
    page = donate_page(client)
    assert 'name="amount_choice"' in page and IBAN in page


def test_the_tax_deduction_is_said_only_when_finance_ticks_it(client, no_stripe, published):
    assert "income tax" not in donate_page(client)
    published.tax_deductible = True
    published.tax_note_en = "Receipts are sent in January."
    published.save()
    page = donate_page(client)
    assert "66 % of your gift" in page and "20 % of your taxable income" in page
    assert "€100.00 costs you €34.00" in page
    assert "Receipts are sent in January." in page


def test_a_change_by_finance_shows_at_once(client, no_stripe, published):
    donate_page(client)  # cached
    published.bank_name = "Autre Banque"
    published.save()
    assert "Autre Banque" in donate_page(client)


def test_a_wrong_iban_is_refused():
    validate_iban(IBAN)
    with pytest.raises(ValidationError):
        validate_iban(IBAN.replace("189", "188"))
    with pytest.raises(ValidationError):
        validate_iban("not an iban")


def test_there_is_one_row_whoever_saves(published):
    GivingDetails(account_holder="Another").save()
    assert GivingDetails.objects.count() == 1


def test_finance_edits_the_details_and_editors_do_not_see_them(client, db):
    from conftest import signed_in

    finance = make_staff("fin@example.org", "Finance")
    signed_in(finance, client)
    listing = client.get(reverse("admin:donations_givingdetails_changelist"))
    assert listing.status_code == 302
    response = client.post(
        reverse("admin:donations_givingdetails_add"),
        {"account_holder": "Centre Covcas", "iban": IBAN, "bic": "AGRIFRPP", "postal_address": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert GivingDetails.current().iban == IBAN
    client.logout()
    signed_in(make_staff("ed@example.org", "Editors"), client)
    assert client.get(reverse("admin:donations_givingdetails_changelist")).status_code == 403
