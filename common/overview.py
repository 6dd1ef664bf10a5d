"""The staff overview (the admin's first page): what waits for each staff member, by role.

common knows no domain, so each app registers its own figures in its AppConfig.ready, like
common.layout and common.jobs:

    from common.overview import Figure, register_overview
    register_overview("sponsorships", pending, order=10,
                      permission="sponsorships.view_sponsorship", title=_("Sponsorships"))

`function(request)` returns a list of Figure; it runs only for a staff member who holds
`permission` (one permission, a list of which every one is needed, or None for any staff
member), so nobody sees a count of records their role may not see. Each function runs a small,
fixed number of queries, however many records there are.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

_sections = []


@dataclass
class Figure:
    label: str
    value: object
    url: str = ""
    # Something waits for a decision: shown so that it catches the eye.
    waiting: bool = False
    # Lines under the figure (the next hearings): (text, url) pairs.
    items: list = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    figures: list


def register_overview(key, function, *, order=0, permission=None, title=""):
    """Registering a key again replaces it: a module imported twice shows a section once."""
    _sections[:] = [entry for entry in _sections if entry[1] != key]
    permissions = [permission] if isinstance(permission, str) else list(permission or [])
    _sections.append((order, key, function, permissions, title))
    _sections.sort(key=lambda entry: entry[0])


def overview_for(request):
    """The sections this staff member may see, each with its figures, in order."""
    sections = []
    for _order, key, function, permissions, title in _sections:
        if not request.user.has_perms(permissions):
            continue
        figures = [figure for figure in function(request) if figure is not None]
        if figures:
            sections.append(Section(key, title, figures))
    return sections


def changelist_url(model, **filters):
    """The admin list of `model`, filtered ("?status__exact=PENDING")."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def mail_queue(request):
    """E-mails django-mailer put aside after a failure, waiting to be retried."""
    from mailer.models import PRIORITY_DEFERRED, Message

    return [
        Figure(
            _("E-mails that failed and wait to be retried"),
            Message.objects.deferred().count(),
            changelist_url(Message, priority__exact=PRIORITY_DEFERRED),
            waiting=True,
        )
    ]
