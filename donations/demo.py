"""Sample donations for the demo site: invented donors, already paid.

Their Stripe ids start with "demo_" so nobody mistakes them for real payments.
"""

import datetime

from django.utils import timezone

from donations.models import Currency, Donation, DonationStatus, Frequency, GivingDetails

DONATIONS = [
    (
        "demo_cs_1",
        "Anna Sample",
        "anna.sample@example.org",
        5000,
        Currency.EUR,
        Frequency.ONCE,
        True,
        "fr",
    ),
    (
        "demo_cs_2",
        "Gor Example",
        "gor.example@example.org",
        2000,
        Currency.EUR,
        Frequency.MONTHLY,
        True,
        "hy",
    ),
    (
        "demo_cs_3",
        "Jane Placeholder",
        "jane.placeholder@example.org",
        10000,
        Currency.USD,
        Frequency.ONCE,
        False,
        "en",
    ),
    (
        "demo_cs_4",
        "Luc Exemple",
        "luc.exemple@example.org",
        25000,
        Currency.EUR,
        Frequency.ONCE,
        True,
        "fr",
    ),
]


def load():
    now = timezone.now()
    for days, (session, name, email, amount, currency, frequency, wall, language) in enumerate(
        DONATIONS, start=1
    ):
        moment = now - datetime.timedelta(days=days * 9)
        Donation.objects.get_or_create(
            stripe_checkout_session_id=session,
            defaults={
                "donor_name": name,
                "donor_email": email,
                "amount": amount,
                "currency": currency,
                "frequency": frequency,
                "show_on_wall": wall,
                "language": language,
                "status": DonationStatus.PAID,
                "created_at": moment,
                "paid_at": moment,
                "receipt_sent_at": moment,
            },
        )

    load_giving_details()


def load_giving_details():
    """Sample bank and postal details, so the donate page without Stripe shows them: only
    while Finance has published none (a demo never overwrites what staff wrote)."""
    if GivingDetails.objects.exists():
        return
    GivingDetails(
        account_holder="Sample account holder (demo)",
        iban="FR76 3000 6000 0112 3456 7890 189",  # the banks' own example IBAN
        bic="AGRIFRPP",
        bank_name="Sample bank (demo)",
        transfer_reference_en="Gift Libertas",
        transfer_reference_fr="Don Libertas",
        transfer_reference_hy="Նվիրատվություն Libertas",
        cheque_payee="Sample payee (demo)",
        postal_address="1 Sample Street\n75000 Paris\nFrance",
    ).save()
