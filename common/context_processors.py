from django.conf import settings

from common.layout import context as layout_context


def layout(request):
    """The pages and variables the apps above registered for the layout (see common.layout),
    and the campaign's contact address for the footer's mailto: link."""
    return {**layout_context(request), "contact_email": settings.CONTACT_EMAIL}
