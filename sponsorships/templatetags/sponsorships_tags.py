from django import template

from sponsorships.models import Sponsorship

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
