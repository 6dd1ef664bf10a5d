from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from campaign.models import FOOTER_CACHE_KEY, NewsItem, Organisation

register = template.Library()


@register.inclusion_tag("campaign/footer_organisations.html")
def footer_organisations():
    """The NGOs of the collective, cached: the footer is on every page."""
    key = FOOTER_CACHE_KEY.format(get_language())
    organisations = cache.get(key)
    if organisations is None:
        organisations = [
            {"name": o.name, "contact_name": o.contact_name, "email": o.email, "website": o.website}
            for o in Organisation.objects.all()
        ]
        cache.set(key, organisations, 60 * 60)
    return {"organisations": organisations}


@register.inclusion_tag("campaign/detainee_news.html")
def detainee_news(detainee, limit=5):
    """The published news that mention a detainee, newest first, in one query.

    `detainee` may be the record's public view, hence the filter on its pk.
    """
    if detainee is None or not detainee.is_listed:
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
