"""Donations' figures on the staff overview (common.overview), for Finance.

Kept small and apart so that the finance work can switch its rules in one place. What it
counts: donations paid this month (by `paid_at`), net of what Stripe refunded
(`amount_refunded`; a REFUNDED donation with no refunded amount recorded counts nothing).
Approximate: a refund is subtracted from the month the donation was paid, not the month it was
refunded.
"""

from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from common.overview import Figure, changelist_url
from donations.models import Donation, DonationStatus, Frequency, StripeEvent

# Money that came in and may be partly or wholly refunded or disputed since.
RECEIVED = [DonationStatus.PAID, DonationStatus.REFUNDED, DonationStatus.DISPUTED]


def month_start():
    return timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def net_this_month():
    """{currency: net amount in minor units} of the donations paid since the 1st."""
    net = Case(
        When(Q(status=DonationStatus.REFUNDED, amount_refunded=0), then=Value(0)),
        default=F("amount") - F("amount_refunded"),
    )
    rows = (
        Donation.objects.filter(status__in=RECEIVED, paid_at__gte=month_start())
        .values("currency")
        .annotate(net=Sum(net))
        .order_by("currency")
    )
    return {row["currency"]: row["net"] for row in rows}


def active_monthly_donors():
    """Monthly gifts whose subscription has not ended and was paid at least once."""
    return (
        Donation.objects.filter(
            frequency=Frequency.MONTHLY, status=DonationStatus.PAID, subscription_ended_at=None
        )
        .exclude(stripe_subscription_id="")
        .aggregate(count=Count("stripe_subscription_id", distinct=True))["count"]
    )


def money(request):
    start = month_start()
    this_month = changelist_url(Donation, paid_at__date__gte=start.date().isoformat())
    figures = [
        Figure(
            _("Donations this month, net of refunds (%(currency)s)") % {"currency": currency},
            number_format(amount / 100, decimal_pos=2, use_l10n=True, force_grouping=True),
            this_month,
        )
        for currency, amount in net_this_month().items()
    ]
    if not figures:
        figures.append(Figure(_("Donations this month, net of refunds"), 0, this_month))
    figures.append(
        Figure(
            _("Active monthly donors"),
            active_monthly_donors(),
            changelist_url(
                Donation,
                frequency__exact=Frequency.MONTHLY,
                status__exact=DonationStatus.PAID,
                subscription_ended_at__isnull="True",
            ),
        )
    )
    return figures


def stripe_errors(request):
    return [
        Figure(
            _("Stripe events in error"),
            StripeEvent.objects.exclude(error="").count(),
            changelist_url(StripeEvent, error__gt=""),
            waiting=True,
        )
    ]
