from django.conf import settings

from common.layout import context as layout_context


def site(request):
    return {"SITE_URL": settings.SITE_URL}


def layout(request):
    """The pages and variables the apps above registered for the layout (see common.layout)."""
    return layout_context()
