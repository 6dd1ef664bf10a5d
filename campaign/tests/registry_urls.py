"""The site's URLs, with stand-ins for the registry's pages until that branch is merged.

The sitemap lists detainee profiles only when `prisoners:detail` exists. The registry's
views are built in parallel; so that the sitemap's rules (every public or limited profile,
never a hidden one) are tested here too, this URLconf adds pages with the same names when
the real ones are missing. Once they exist, it is exactly the site's URLconf.
"""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path

import prisoners.urls
from libertas.urls import urlpatterns as site_urlpatterns


def stand_in(request, slug=None):
    return HttpResponse("stand-in")


registry_names = {pattern.name for pattern in prisoners.urls.urlpatterns}
if {"list", "detail"} <= registry_names:
    urlpatterns = site_urlpatterns
else:
    stand_ins = (
        [
            path("", stand_in, name="list"),
            path("<slug:slug>/", stand_in, name="detail"),
        ],
        "prisoners",
    )
    # The first definition of a namespace wins when reversing, so the stand-ins come first.
    urlpatterns = [*i18n_patterns(path("prisoners/", include(stand_ins))), *site_urlpatterns]
