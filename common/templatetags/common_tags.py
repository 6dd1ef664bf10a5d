"""Template tags every app's templates share: languages and safe Markdown."""

import logging

import markdown as markdown_lib
import nh3
from django import template
from django.conf import settings
from django.template.backends.utils import csrf_input
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from common import dates, images
from common.cache import page_query
from common.languages import Shown, shown
from common.share import share_links
from common.urls import absolute_url

register = template.Library()
logger = logging.getLogger(__name__)

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote"} | {
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
    "img",
}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every language, for the switcher and the hreflang links.

    Only same-origin paths: on a 404 for "//evil.example/en/" the request path itself would
    read as another site's address. The query keeps what the page reads (as the page cache
    does), so a cached page never carries another visitor's parameters.
    """
    request = context["request"]
    query = page_query(request)
    versions = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        if not url_has_allowed_host_and_scheme(path, allowed_hosts=None) or not path.startswith(
            "/"
        ):
            path, query = f"/{code}/", ""
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "path": f"{path}?{query}" if query else path,
            }
        )
    return versions


@register.simple_tag
def translated(obj, field=None):
    """A translated field as the reader sees it, marked when it is in another language.

    `{% translated item "title" %}` prints the text, and when it fell back to another
    language wraps it in `<span lang="fr">` followed by "This text is available in French
    only." `{% translated item "body" as body %}` gives the text (common.languages.Shown) for a
    template that places the mark itself: `<div{{ body.lang_attr }}>{{ body|markdown }}</div>
    {{ body.note }}`. With no field, `obj` is a value already shown (a timeline event's text).
    """
    value = obj if field is None else shown(obj, field)
    return value if isinstance(value, Shown) else Shown(value or "")


@register.simple_tag(takes_context=True)
def cacheable_csrf_token(context):
    """The CSRF field of a form on a page the page cache may share.

    A GET page gets an empty field that static/js/live.js fills from `csrf_token` (never
    cached) when the form is used, so the page sets no cookie and can be cached. Without
    scripts, a link opens the same page with a token of its own (`?csrf=1`, never cached).
    A form shown again after a POST already has the visitor's token.
    """
    request = context["request"]
    if request.method != "GET" or "csrf" in request.GET:
        return csrf_input(request)
    html = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-url="{}">'
        '<noscript><p class="small alert alert-warning mt-2">{} <a href="?csrf=1">{}</a></p>'
        "</noscript>"
        '<script src="{}" defer></script>',
        reverse("csrf_token"),
        _("This form needs a security code that your browser, running no scripts, has not got."),
        _("Open the form with its code"),
        static("js/live.js"),
    )
    return html


def _safe_image_source(element, attribute, value):
    """nh3's attribute filter: an image's address is kept only when it is an http(s) address
    or one of our own media files. Anything else (javascript:, data:, a protocol-relative
    "//host/...", a path outside the media folder) loses its src, so the image shows nothing."""
    if element != "img" or attribute != "src":
        return value
    if value.startswith(("https://", "http://")):
        return value
    if value.startswith(settings.MEDIA_URL) and not value.startswith("//"):
        return value
    return None


@register.filter
def markdown(text):
    """Render staff-written Markdown, keeping only an allow-list of harmless tags.

    The one renderer of the site: news, pages, events, the petition and biographies. Images
    are kept (with a safe address, see _safe_image_source) and load lazily; no attribute
    outside the list (on*, style) survives.
    """
    html = markdown_lib.markdown(text or "")
    # nh3 has just removed every tag and attribute outside the allow-list.
    return mark_safe(  # noqa: S308
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}},
            attribute_filter=_safe_image_source,
            set_tag_attribute_values={"img": {"loading": "lazy"}},
            url_schemes={"http", "https", "mailto"},
        )
    )


@register.filter
def absolute(path):
    """The page's address for links that leave the site: `{{ request.path|absolute }}`."""
    return absolute_url(str(path))


@register.simple_tag
def picture(image_file, width=None, height=None):
    """Renditions of a public image for an <img>: `{% picture sponsor.logo 96 96 as logo %}`
    fits a 96 × 96 box (1x and 2x); `{% picture item.image as image %}` is full width, with a
    srcset by widths. Never the original upload. None if the file is missing or unreadable
    (a page then shows no image rather than an error)."""
    if not image_file:
        return None
    try:
        if width is None:
            return images.wide(image_file)
        return images.fixed_box(image_file, int(width), int(height))
    except (OSError, images.UnidentifiedImageError):
        logger.exception("No rendition of %s", image_file.name)
        return None


@register.filter(expects_localtime=True)
def long_date(value, format_name="DATE_FORMAT"):
    """`{{ day|long_date }}`, `{{ moment|long_date:"DATETIME_FORMAT" }}`: common.dates."""
    return dates.long_date(value, format_name)


@register.inclusion_tag("common/share.html")
def share(url, text=""):
    """A "Share" box: a link to each network's share page and the browser's own share button.

    `url` is the page's canonical public address (absolute); `text` what the post says with
    it, already what the public may see (a LIMITED profile passes its initials).
    """
    return {
        "share_url": url,
        "share_text": str(text),
        "links": share_links(url, str(text)),
        "script": static("js/share.js"),
    }
