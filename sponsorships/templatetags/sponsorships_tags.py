from django import template

from sponsorships.models import Sponsorship

register = template.Library()


@register.inclusion_tag("sponsorships/detainee_sponsors.html")
def detainee_sponsors(detainee):
    """The active sponsors who agreed to be shown, for a detainee's profile: one query."""
    sponsorships = (
        Sponsorship.objects.public()
        .for_detainee(detainee)
        .select_related("sponsor")
        .order_by("sponsor__name", "pk")
    )
    sponsors = {}
    for sponsorship in sponsorships:
        sponsors.setdefault(sponsorship.sponsor_id, sponsorship.sponsor)
    return {"detainee": detainee, "sponsors": list(sponsors.values())}
