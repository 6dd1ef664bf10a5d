from django import template

from sponsorships.models import SponsorAction, Sponsorship

register = template.Library()


@register.inclusion_tag("sponsorships/detainee_sponsors.html")
def detainee_sponsors(detainee):
    """The active sponsors who agreed to be shown, for a detainee's profile: one query.

    `detainee` may be the record's public view, hence the filter on its pk.
    """
    sponsorships = (
        Sponsorship.objects.public()
        .filter(detainee_id=detainee.pk)
        .select_related("sponsor")
        .order_by("sponsor__name", "pk")
    )
    sponsors = {}
    for sponsorship in sponsorships:
        sponsors.setdefault(sponsorship.sponsor_id, sponsorship.sponsor)
    return {"detainee": detainee, "sponsors": list(sponsors.values())}


PROFILE_ACTIONS_SHOWN = 5


def detainee_actions(detainee):
    """The latest approved actions of this person's sponsors, for their profile: one query."""
    found = (
        SponsorAction.objects.public()
        .filter(sponsorship__detainee_id=detainee.pk)
        .select_related("sponsorship__sponsor", "sponsorship__detainee")
    )
    entries = [action.public_entry() for action in found[:PROFILE_ACTIONS_SHOWN]]
    return {"detainee": detainee, "entries": entries}
