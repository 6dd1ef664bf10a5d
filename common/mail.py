"""Confirmation e-mails: at most one per address and purpose in a period.

Anyone can type someone else's address into a public form, as often as they like. The
row waiting for confirmation keeps when its e-mail was sent (`confirmation_sent_at`), so a
re-sent form sends nothing new until the period is over, in every process at once.
"""

from datetime import timedelta

from django.utils import timezone

CONFIRMATION_MAIL_PERIOD = timedelta(hours=24)


def claim_confirmation_mail(row, same_address):
    """True if `row`'s confirmation e-mail may go now; it is then marked as sent.

    `same_address` holds the rows of the same address and purpose; none of them may have
    had an e-mail in the period. The conditional UPDATE lets only one of two simultaneous
    requests through.
    """
    now = timezone.now()
    since = now - CONFIRMATION_MAIL_PERIOD
    if same_address.exclude(pk=row.pk).filter(confirmation_sent_at__gt=since).exists():
        return False
    claimed = (
        type(row)
        ._default_manager.filter(pk=row.pk)
        .exclude(confirmation_sent_at__gt=since)
        .update(confirmation_sent_at=now)
    )
    return claimed == 1
