from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from campaign.models import FOOTER_CACHE_KEY, Organisation

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
