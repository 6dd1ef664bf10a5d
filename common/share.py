"""Share links: plain addresses of each network's own share page, built here, so a page
shares without loading any script of theirs (no third-party request, CSP stays 'self').

static/js/share.js adds the browser's own share sheet (navigator.share) where there is one.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _

FACEBOOK = "https://www.facebook.com/sharer/sharer.php?"


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def share_links(url, text):
    """The links that share `url` (absolute: the canonical public address) with `text`."""
    with_text = f"{text} {url}" if text else url
    url_and_text = urlencode({"url": url, "text": text})
    return [
        ShareLink("facebook", "Facebook", FACEBOOK + urlencode({"u": url})),
        ShareLink("x", "X", "https://x.com/intent/post?" + url_and_text),
        ShareLink("telegram", "Telegram", "https://t.me/share/url?" + url_and_text),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": with_text})),
        # mailto: wants %20 for spaces, not "+" (RFC 6068): quote, not urlencode's quote_plus.
        ShareLink(
            "email",
            _("E-mail"),
            f"mailto:?subject={quote(text, safe='')}&body={quote(with_text, safe='')}",
        ),
    ]
