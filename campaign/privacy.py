"""What campaign holds about a person, how it is erased, and its retention periods
(registered in CampaignConfig.ready; see common.jobs and common.privacy).

Petition signatures: a confirmed signature is anonymised rather than deleted, so the
petition's count, which people saw and which was handed to the addressees, stays true;
an unconfirmed one counts for nothing and is deleted. Follows and subscriptions to the news
are deleted outright, and so are messages of solidarity (the profile's count of approved
messages goes down with them).
"""

from campaign.models import Follower, Signature, SolidarityMessage, Subscriber
from common.privacy import ERASED_DOMAIN, erased_email

# How long a petition signature may wait for its confirmation (the privacy page says so).
SIGNATURE_DAYS = 30
# How long an unconfirmed message, or a rejected one, is kept.
MESSAGE_DAYS = 30
# How long a subscription to the news may wait for its confirmation.
SUBSCRIBER_DAYS = 30


def _signatures(email):
    return Signature.objects.filter(email__iexact=email.strip())


def _followers(email):
    return Follower.objects.filter(email__iexact=email.strip())


def _subscribers(email):
    return Subscriber.objects.filter(email__iexact=email.strip())


def _messages(email):
    return SolidarityMessage.objects.filter(email__iexact=email.strip())


def export(email):
    """Campaign records only: the petition, follows and messages of solidarity."""
    signatures = [
        {
            "kind": "petition_signature",
            "id": s.pk,
            "petition": str(s.petition),
            "name": s.name,
            "email": s.email,
            "country": s.country,
            "comment": s.comment,
            "language": s.language,
            "signed_at": s.created_at,
            "confirmed_at": s.confirmed_at,
        }
        for s in _signatures(email).select_related("petition").order_by("pk")
    ]
    follows = [
        {
            "kind": "follow",
            "id": f.pk,
            "detainee": str(f.detainee),
            "email": f.email,
            "language": f.language,
            "created_at": f.created_at,
            "confirmed_at": f.confirmed_at,
        }
        for f in _followers(email).select_related("detainee").order_by("pk")
    ]
    messages = [
        {
            "kind": "solidarity_message",
            "id": m.pk,
            "detainee": str(m.detainee),
            "text": m.text,
            "language": m.language,
            "first_name": m.first_name,
            "city": m.city,
            "email": m.email,
            "consent_public": m.consent_public,
            "status": m.status,
            "written_at": m.created_at,
            "confirmed_at": m.confirmed_at,
            "moderated_at": m.moderated_at,
        }
        for m in _messages(email).select_related("detainee").order_by("pk")
    ]
    subscriptions = [
        {
            "kind": "news_subscription",
            "id": sub.pk,
            "email": sub.email,
            "language": sub.language,
            "created_at": sub.created_at,
            "confirmed_at": sub.confirmed_at,
        }
        for sub in _subscribers(email).order_by("pk")
    ]
    return signatures + follows + messages + subscriptions


def anonymise_signature(signature):
    signature.name = ""
    signature.comment = ""
    signature.email = erased_email("signature", signature.pk)
    signature.save(update_fields=["name", "comment", "email"])


def erase(email):
    count = 0
    for signature in _signatures(email):
        if signature.is_confirmed:
            anonymise_signature(signature)
        else:
            signature.delete()
        count += 1
    deleted, _by_model = _followers(email).delete()
    # Deleted with their signals, so a profile showing an approved one drops its cached page.
    messages, _by_model = _messages(email).delete()
    subscriptions, _by_model = _subscribers(email).delete()
    return count + deleted + messages + subscriptions


def delete_stale_signatures(days):
    deleted, _by_model = Signature.objects.stale(days=days).delete()
    return deleted


def anonymise_closed_petitions():
    """Signers of a closed petition are forgotten; their signatures still count."""
    signatures = Signature.objects.filter(petition__active=False, confirmed_at__isnull=False)
    signatures = signatures.exclude(email__endswith=f"@{ERASED_DOMAIN}")
    for signature in signatures:
        anonymise_signature(signature)
    return len(signatures)


def purge():
    """The retention periods of the petition: an unconfirmed signature is deleted after
    SIGNATURE_DAYS; the signers of a closed petition are forgotten, their signatures count."""
    unconfirmed = delete_stale_signatures(days=SIGNATURE_DAYS)
    closed = anonymise_closed_petitions()
    return [
        f"Deleted {unconfirmed} signature(s) unconfirmed after {SIGNATURE_DAYS} days",
        f"anonymised {closed} signature(s) of closed petitions",
    ]


def purge_subscribers():
    """A subscription never confirmed is deleted after SUBSCRIBER_DAYS."""
    deleted, _by_model = Subscriber.objects.stale(days=SUBSCRIBER_DAYS).delete()
    return [f"Deleted {deleted} news subscription(s) unconfirmed after {SUBSCRIBER_DAYS} days"]


def purge_messages():
    """Messages never confirmed, or rejected, are deleted after MESSAGE_DAYS."""
    deleted, _by_model = SolidarityMessage.objects.stale(days=MESSAGE_DAYS).delete()
    return [f"Deleted {deleted} message(s) unconfirmed or rejected after {MESSAGE_DAYS} days"]
