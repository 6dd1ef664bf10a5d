"""Donations' figures on the staff overview (common.overview), for Finance: the rules are the
Donation QuerySet's (net of refunds by payment date, active monthly gifts)."""

import datetime

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from common.overview import Figure, changelist_url
from donations.models import Donation, DonationStatus, Frequency, StripeEvent


def month_start():
    return timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def net_this_month():
    """{currency: net amount in minor units} of the money paid since the 1st."""
    start = month_start()
    next_month = (start + datetime.timedelta(days=32)).replace(day=1)
    return Donation.objects.net_by_currency(start, next_month)


def active_monthly_donors():
    return Donation.objects.active_monthly().count()


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
