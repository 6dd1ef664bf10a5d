"""The registry's figures on the staff overview (common.overview)
(registered in PrisonersConfig.ready)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from common.overview import Figure, changelist_url
from prisoners.models import CorrectionRequest, TimelineEvent

UPCOMING_HEARINGS_SHOWN = 5


def corrections(request):
    return [
        Figure(
            _("Correction requests not yet handled"),
            CorrectionRequest.objects.filter(handled=False).count(),
            changelist_url(CorrectionRequest, handled__exact=0),
            waiting=True,
        )
    ]


def upcoming_hearings(request):
    """The next hearings, each linking to its detainee's record (one query)."""
    hearings = list(
        TimelineEvent.objects.filter(
            kind=TimelineEvent.Kind.HEARING, date__gte=timezone.localdate()
        )
        .select_related("detainee")
        .order_by("date", "pk")[:UPCOMING_HEARINGS_SHOWN]
    )
    if not hearings:
        return []
    return [
        Figure(
            _("Upcoming hearings"),
            len(hearings),
            items=[
                (
                    f"{date_format(event.date, 'SHORT_DATE_FORMAT')} · {event.detainee.name}",
                    reverse("admin:prisoners_detainee_change", args=[event.detainee_id]),
                )
                for event in hearings
            ],
        )
    ]
