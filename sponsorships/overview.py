"""Sponsorships' figures on the staff overview (common.overview)
(registered in SponsorshipsConfig.ready)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.overview import Figure, changelist_url
from prisoners.models import Detainee, Status
from sponsorships.models import SponsorAction, Sponsorship, without_sponsor

# A request older than this has waited too long for an answer.
STALE_AFTER_DAYS = 14


def stale_since():
    return timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)


def pending(request):
    since = stale_since()
    waiting = Sponsorship.objects.filter(status=Sponsorship.Status.PENDING)
    return [
        Figure(
            _("Sponsorship requests waiting for a decision"),
            waiting.count(),
            changelist_url(Sponsorship, status__exact=Sponsorship.Status.PENDING),
            waiting=True,
        ),
        Figure(
            _("of which waiting for more than 14 days"),
            waiting.filter(created_at__date__lt=since).count(),
            changelist_url(
                Sponsorship,
                status__exact=Sponsorship.Status.PENDING,
                created_at__date__lt=since.isoformat(),
            ),
            waiting=True,
        ),
    ]


def held_without_sponsor(request):
    # The same rule as the detainee list's "sponsored" filter and the "help now" page.
    count = without_sponsor(Detainee.objects.held()).count()
    return [
        Figure(
            _("Detainees held without an active sponsor"),
            count,
            changelist_url(Detainee, status__exact=Status.HELD, sponsored="no"),
        )
    ]


def actions_to_review(request):
    waiting = SponsorAction.Status.PENDING
    return [
        Figure(
            _("Sponsors' actions waiting for review"),
            SponsorAction.objects.filter(status=waiting).count(),
            changelist_url(SponsorAction, status__exact=waiting),
            waiting=True,
        )
    ]
