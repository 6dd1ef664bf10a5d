"""E-mail: the one way the site sends a message, and the limit on confirmation e-mails.

Every e-mail goes through `send`: subject, text and (when the template exists) HTML rendered
in the recipient's language, then handed to EMAIL_BACKEND, which is django-mailer's queue in
production, so a failing mail server loses nothing.

Anyone can type someone else's address into a public form, as often as they like. The
row waiting for confirmation keeps when its e-mail was sent (`confirmation_sent_at`), so a
re-sent form sends nothing new until the period is over, in every process at once.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models.functions import Lower
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from common.models import LanguagePreference

CONFIRMATION_MAIL_PERIOD = timedelta(hours=24)


def claim_confirmation_mail(row, same_address, period=CONFIRMATION_MAIL_PERIOD):
    """True if `row`'s confirmation e-mail may go now; it is then marked as sent.

    `same_address` holds the rows of the same address and purpose; none of them may have
    had an e-mail in the `period`. The conditional UPDATE lets only one of two simultaneous
    requests through. (Staff re-sending on a sponsor's behalf use a shorter period.)
    """
    now = timezone.now()
    since = now - period
    if same_address.exclude(pk=row.pk).filter(confirmation_sent_at__gt=since).exists():
        return False
    claimed = (
        type(row)
        ._default_manager.filter(pk=row.pk)
        .exclude(confirmation_sent_at__gt=since)
        .update(confirmation_sent_at=now)
    )
    return claimed == 1


def render(template_prefix, context, language=None):
    """(subject, text, html or None) from <prefix>_subject.txt, _body.txt and _body.html."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        # A subject is one line, whatever the template's line breaks.
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
        try:
            html_template = get_template(f"{template_prefix}_body.html")
        except TemplateDoesNotExist:
            html = None  # a text-only e-mail (an error inside the template still shows)
        else:
            html = html_template.render(context)
    return subject, body, html


def message(to, template_prefix, context, language=None, reply_to=None, headers=None):
    """The e-mail `send` would send, unsent: for sending many over one connection."""
    subject, body, html = render(template_prefix, context, language)
    if isinstance(to, str):
        to = [to]
    email = EmailMultiAlternatives(
        subject, body, settings.DEFAULT_FROM_EMAIL, list(to), reply_to=reply_to, headers=headers
    )
    if html is not None:
        email.attach_alternative(html, "text/html")
    return email


def send(to, template_prefix, context, language=None, reply_to=None, headers=None):
    """Render and send one e-mail to `to` (an address or a list) in `language`.

    `language` is the recipient's (the one they used on the site); without it, the active one.
    """
    message(to, template_prefix, context, language, reply_to, headers).send()


def send_many(messages):
    """Send prepared messages over one connection (a list of `message(...)`)."""
    if not messages:
        return
    get_connection().send_messages(messages)


def by_language(addresses):
    """`addresses` grouped by the language their owners read: [(language, [address, …])].

    Staff addresses (STAFF_EMAILS) belong to accounts whose language the admin's switcher
    remembers (common.models.LanguagePreference); an address of no account, or of one that
    never chose, reads the default language. One e-mail goes to each group, in its language.
    """
    addresses = [addresses] if isinstance(addresses, str) else list(addresses)
    chosen = dict(
        LanguagePreference.objects.annotate(email=Lower("user__email"))
        .filter(email__in=[address.lower() for address in addresses])
        .values_list("email", "language")
    )
    groups = {}
    for address in addresses:
        language = chosen.get(address.lower(), settings.LANGUAGE_CODE)
        groups.setdefault(language, []).append(address)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(groups.items(), key=lambda item: order.index(item[0]))
