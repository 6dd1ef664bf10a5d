from django import template

from campaign.models import NewsItem

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
    if detainee is None or not detainee.is_listed:
        return {"detainee": None}
    return {"detainee": detainee}
