from django import template

from campaign.models import NewsItem, SolidarityMessage

register = template.Library()


@register.inclusion_tag("campaign/detainee_news.html")
def detainee_news(detainee, limit=5):
    """The published news that mention a detainee, newest first, in one query.

    `detainee` may be the record's public view, hence the filter on its pk.
    """
    # A limited record lists none: a title can name the person behind the initials.
    if detainee is None or not detainee.is_listed or detainee.is_limited:
        return {"items": []}
    items = list(NewsItem.objects.published().filter(detainees__pk=detainee.pk)[:limit])
    return {"items": items}


@register.inclusion_tag("campaign/follow_link.html")
def follow_link(detainee):
    """The "follow this record" box for a profile; nothing for a hidden record.

    A link to the form's own page, not the form itself: a profile without a CSRF token
    can be served from the page cache to everyone.
    """
    # Nothing more is coming for the deceased: following them is not offered.
    if detainee is None or not detainee.is_listed or not detainee.may_be_followed:
        return {"detainee": None}
    return {"detainee": detainee}


@register.inclusion_tag("campaign/letter_link.html")
def letter_link(detainee):
    """ "Write to a decision maker about them", for a PUBLIC record still held: the letter
    names the person, and a LIMITED record's initials would ask nothing of anyone."""
    if detainee is None or not detainee.is_listed or detainee.is_limited:
        return {"detainee": None}
    return {"detainee": detainee if detainee.is_still_held else None}


# The newest approved texts a profile shows; the count says how many there are in all.
MESSAGES_SHOWN = 5


@register.inclusion_tag("campaign/messages_panel.html")
def messages_panel(detainee):
    """The profile's messages of solidarity: how many staff approved and, on a PUBLIC record,
    the newest texts whose writers agreed to show them.

    A LIMITED record shows the number only: its public view has no free text, and a message
    can name or place the person. Nothing for a hidden record.
    """
    if detainee is None or not detainee.is_listed:
        return {"detainee": None}
    approved = SolidarityMessage.objects.approved().filter(detainee_id=detainee.pk)
    count = approved.count()
    shown = []
    if count and not detainee.is_limited:
        shown = list(
            approved.filter(consent_public=True)
            .order_by("-moderated_at", "-pk")
            .only("text", "language", "first_name", "city")[:MESSAGES_SHOWN]
        )
    return {"detainee": detainee, "count": count, "shown": shown}
