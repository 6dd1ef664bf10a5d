"""E-mail flows: confirming signatures and follows, telling followers what changed.

Links are signed (common.links), so nothing secret is stored: a link is valid because we
made it, and a forged one fails the signature check.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from campaign.models import (
    Follower,
    HearingReminder,
    NewsItem,
    Signature,
    SolidarityMessage,
    Subscriber,
)
from common import links, mail
from common.forms import mail_name
from common.mail import claim_confirmation_mail
from common.urls import absolute_url
from prisoners.models import TimelineEvent

SIGNATURE_SALT = "campaign.signature.confirm"
FOLLOW_SALT = "campaign.follow.confirm"
UNSUBSCRIBE_SALT = "campaign.follow.unsubscribe"
MESSAGE_SALT = "campaign.message.confirm"
NEWSLETTER_SALT = "campaign.newsletter.confirm"
NEWSLETTER_UNSUBSCRIBE_SALT = "campaign.newsletter.unsubscribe"
# A confirmation link works for a week; after that the visitor signs (or follows) again.
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60


def make_token(salt, pk, email):
    # The address is part of the token so a link cannot be replayed onto a reused id.
    return links.make_token(salt, [pk, email])


def read_token(salt, token, max_age=None):
    """(pk, email) from a token; raises links.InvalidLink."""
    try:
        pk, email = links.read_token(salt, token, max_age=max_age)
    except (ValueError, TypeError):
        raise links.InvalidLink("invalid") from None
    return pk, email


def profile_url(detainee):
    return absolute_url(detainee.get_absolute_url())


def send_signature_confirmation(signature):
    """E-mail the link that confirms a signature, unless one went out in the period."""
    if not claim_confirmation_mail(signature, Signature.objects.filter(pk=signature.pk)):
        return
    with translation.override(signature.language):
        token = make_token(SIGNATURE_SALT, signature.pk, signature.email)
        # The signer's name is the only thing they typed that the e-mail repeats.
        context = {
            "name": mail_name(signature.name),
            "petition": signature.petition,
            "confirm_url": absolute_url("campaign:petition_confirm", token),
        }
        mail.send(signature.email, "campaign/email/signature_confirm", context)


def send_follow_confirmation(follower):
    """E-mail the link that confirms a follow, unless one went out in the period."""
    if not claim_confirmation_mail(follower, Follower.objects.filter(pk=follower.pk)):
        return
    with translation.override(follower.language):
        token = make_token(FOLLOW_SALT, follower.pk, follower.email)
        context = {
            "follower": follower,
            "name": follower.detainee.public_name,
            "confirm_url": absolute_url("campaign:follow_confirm", token),
        }
        mail.send(follower.email, "campaign/email/follow_confirm", context)


def send_message_confirmation(message, language):
    """E-mail the link that confirms a message of solidarity, unless one went out in the period.

    In `language`, the one of the page the writer wrote on (the message itself may be in
    another); the person is named as the public sees them (initials for a LIMITED record).
    """
    if not claim_confirmation_mail(message, SolidarityMessage.objects.filter(pk=message.pk)):
        return
    with translation.override(language):
        token = make_token(MESSAGE_SALT, message.pk, message.email)
        context = {
            "first_name": mail_name(message.first_name),
            "name": message.detainee.public_name,
            "confirm_url": absolute_url("campaign:message_confirm", token),
        }
        mail.send(message.email, "campaign/email/message_confirm", context)


def unsubscribe_url(follower):
    token = make_token(UNSUBSCRIBE_SALT, follower.pk, follower.email)
    return absolute_url("campaign:unsubscribe", token)


class _Changes:
    """The changes to one detainee's record in one transaction, e-mailed together on commit.

    "Mark as released" changes the status and adds a "released" timeline event: two signals,
    one thing that happened, so one e-mail per follower.
    """

    def __init__(self, detainee_pk):
        self.detainee_pk = detainee_pk
        self.changes = []
        self.sent = False

    def send(self):
        if not self.sent:
            self.sent = True
            _send_notifications(self.detainee_pk, self.changes)


class _SendOnCommit:
    """The on-commit callback of one change: sends its batch, unless another already did."""

    def __init__(self, batch):
        self.batch = batch

    def __call__(self):
        self.batch.send()


def notify_followers(detainee, change):
    """After the transaction commits, e-mail every confirmed follower about the change.

    `change` is a dict for the template: {"kind": "timeline", "event": …} or
    {"kind": "status"}. A change joins the batch of the same record that waits for the same
    commit (same savepoint); each change registers its own callback, and the first to run
    sends the whole batch once.
    """
    connection = transaction.get_connection()
    savepoints = set(connection.savepoint_ids)
    batch = next(
        (
            callback.batch
            for pending_savepoints, callback, _robust in connection.run_on_commit
            if isinstance(callback, _SendOnCommit)
            and not callback.batch.sent
            and callback.batch.detainee_pk == detainee.pk
            and pending_savepoints == savepoints
        ),
        None,
    ) or _Changes(detainee.pk)
    batch.changes.append(change)
    transaction.on_commit(_SendOnCommit(batch))


def _describe(detainee, change):
    """What the e-mail says of one change, rendered in the active language."""
    if change["kind"] == "status":
        return {
            "kind": "status",
            "status_label": detainee.status_label,
            # Said as the profile says it (Detainee.days_held_phrase).
            "days_held": detainee.days_held_label,
        }
    event = detainee.event(change["event"])
    return {
        # "timeline": a new event; "outcome": a hearing's outcome written; "reminder": a
        # hearing in a few days.
        "kind": change["kind"],
        "event_label": event.kind_label,
        "event_text": event.text,
        "event_date": event.date,
        "event_outcome": event.outcome,
    }


def _send_notifications(detainee_pk, changes):
    followers = list(
        Follower.objects.confirmed().filter(detainee_id=detainee_pk).select_related("detainee")
    )
    if not followers:
        return
    if not followers[0].detainee.is_listed:
        return  # hidden between the change and the commit
    # A status change leads (it is what "mark released" means); the events follow in order.
    changes = sorted(changes, key=lambda change: change["kind"] != "status")
    messages = []
    for follower in followers:
        # What the profile shows, no more: a LIMITED record's e-mail has no event text.
        detainee = follower.detainee.public_view()
        with translation.override(follower.language):
            # The display of a choice is translated lazily: render inside the override.
            url = unsubscribe_url(follower)
            described = [_describe(detainee, change) for change in changes]
            context = {
                "name": detainee.public_name,
                "profile_url": profile_url(detainee),
                "unsubscribe_url": url,
                "changes": described,
                **described[0],  # the subject names the first
            }
            headers = {
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
            messages.append(
                mail.message(
                    follower.email, "campaign/email/follow_update", context, headers=headers
                )
            )
    mail.send_many(messages)


# Campaign news by e-mail


def send_subscription_confirmation(subscriber):
    """E-mail the link that confirms a subscription, unless one went out in the period."""
    if not claim_confirmation_mail(subscriber, Subscriber.objects.filter(pk=subscriber.pk)):
        return
    with translation.override(subscriber.language):
        token = make_token(NEWSLETTER_SALT, subscriber.pk, subscriber.email)
        context = {"confirm_url": absolute_url("campaign:newsletter_confirm", token)}
        mail.send(subscriber.email, "campaign/email/newsletter_confirm", context)


def newsletter_unsubscribe_url(subscriber):
    token = make_token(NEWSLETTER_UNSUBSCRIBE_SALT, subscriber.pk, subscriber.email)
    return absolute_url("campaign:newsletter_unsubscribe", token)


def email_news():
    """Queue every published item marked for it, once, to every confirmed subscriber in their
    language. Run after staff save a news item and by the `email_news` command (for items
    published at a later time); the conditional UPDATE lets one process send an item, once.

    Returns [(item, number of e-mails)].
    """
    sent = []
    due = NewsItem.objects.published().filter(email_subscribers=True, emailed_at__isnull=True)
    for item in due:
        claimed = NewsItem.objects.filter(pk=item.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if claimed:
            sent.append((item, _email_item(item)))
    return sent


def _email_item(item):
    messages = []
    for subscriber in Subscriber.objects.confirmed().order_by("pk"):
        with translation.override(subscriber.language):
            url = newsletter_unsubscribe_url(subscriber)
            context = {
                "title": item.title,
                "summary": item.summary,
                "item_url": absolute_url(item.get_absolute_url()),
                "unsubscribe_url": url,
            }
            headers = {
                "List-Unsubscribe": f"<{url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": "<news.libertas>",
            }
            messages.append(
                mail.message(
                    subscriber.email, "campaign/email/newsletter_item", context, headers=headers
                )
            )
    mail.send_many(messages)
    return len(messages)


# Hearings

# Followers hear of a hearing this many days before it.
REMINDER_DAYS = 3


def remind_hearings(today):
    """E-mail the followers of each person with a hearing in the next REMINDER_DAYS days, once
    per hearing (run by the `remind_hearings` command; a second run, or a second process,
    sends nothing). Returns the number of hearings reminded of."""
    due = TimelineEvent.objects.upcoming_hearings(today, REMINDER_DAYS).filter(reminder=None)
    reminded = 0
    for event in due.select_related("detainee"):
        try:
            with transaction.atomic():
                HearingReminder.objects.create(event=event)
        except IntegrityError:  # another process took it
            continue
        _send_notifications(event.detainee_id, [{"kind": "reminder", "event": event}])
        reminded += 1
    return reminded
