"""The campaign's figures on the staff overview (common.overview)
(registered in CampaignConfig.ready)."""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from campaign.models import NewsItem, Petition, SolidarityMessage, Subscriber
from common.overview import Figure, changelist_url


def messages_to_moderate(request):
    waiting = SolidarityMessage.Status.CONFIRMED
    return [
        Figure(
            _("Messages of solidarity waiting for moderation"),
            SolidarityMessage.objects.filter(status=waiting).count(),
            changelist_url(SolidarityMessage, status=waiting),
            waiting=True,
        )
    ]


def petitions(request):
    # The kept counter, never a COUNT over the signatures (see Petition.confirmed_count).
    return [
        Figure(
            _("Signatures of “%(title)s” against its goal") % {"title": petition.title},
            _("%(count)s of %(goal)s")
            % {
                "count": number_format(petition.confirmed_count, force_grouping=True),
                "goal": number_format(petition.goal, force_grouping=True),
            },
            changelist_url(Petition) + f"{petition.pk}/change/",
        )
        for petition in Petition.objects.active()[:3]
    ]


def news_subscribers(request):
    # A count only: the addresses themselves are for the Privacy role.
    return [
        Figure(
            _("Confirmed subscribers to the news by e-mail"),
            Subscriber.objects.confirmed().count(),
            changelist_url(NewsItem),
        )
    ]
