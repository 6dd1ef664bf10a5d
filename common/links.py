"""Signed links: the one scheme for every link we e-mail (confirmations, unsubscribe, manage a
monthly gift), and the one page that says a link does not work.

A token is Django's `signing` of a small value with a salt per purpose: nothing secret is
stored, a link is valid because we made it, and a token made for one purpose never opens
another. The salts are the ones the links already sent were made with, so they keep working.

The staff invitation is one-time, like a password reset, so it stays a token generator
(common.accounts); it shares the invalid-link page.
"""

from django.core import signing
from django.shortcuts import render


class InvalidLink(Exception):
    """A link that is forged, cut short, expired ("expired") or already used ("used")."""

    def __init__(self, reason="invalid"):
        super().__init__(reason)
        self.reason = reason


def make_token(purpose, value):
    """A URL-safe token carrying `value` (JSON-serialisable), signed for `purpose`."""
    return signing.dumps(value, salt=purpose)


def read_token(purpose, token, max_age=None):
    """The value of a token made by make_token(purpose, …), or InvalidLink saying why not.

    `max_age` in seconds; None for links that never expire.
    """
    try:
        return signing.loads(token, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidLink("expired") from None
    except signing.BadSignature:
        raise InvalidLink("invalid") from None


def invalid_link(request, reason="invalid", message="", next_url="", next_label="", status=400):
    """The page for a link that does not work: one page for every signed link.

    `message` says what to do for this kind of link (else a general one for `reason`);
    `next_url` and `next_label` where to go next (else the home page).
    """
    context = {
        "reason": reason,
        "message": message,
        "next_url": next_url,
        "next_label": next_label,
    }
    return render(request, "link_invalid.html", context, status=status)
