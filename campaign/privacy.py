"""The right of access and erasure, across every app (see libertas/privacy.py).

Petition signatures: a confirmed signature is anonymised rather than deleted, so the
petition's count, which people saw and which was handed to the addressees, stays true;
an unconfirmed one counts for nothing and is deleted. Follows are deleted outright.
"""

from django.contrib.auth import get_user_model

from campaign.models import Follower, Signature
from common.privacy import ERASED_DOMAIN, erased_email
from donations import privacy as donations_privacy
from prisoners import privacy as prisoners_privacy
from sponsorships import privacy as sponsorships_privacy


def _signatures(email):
    return Signature.objects.filter(email__iexact=email.strip())


def _followers(email):
    return Follower.objects.filter(email__iexact=email.strip())


def _accounts(email):
    return get_user_model().objects.filter(email__iexact=email.strip())


def export(email):
    """Campaign records only: the petition and follows."""
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
    return signatures + follows


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
    return count + deleted


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


def export_all(email):
    """Everything we hold for `email`, by app."""
    accounts = [
        {
            "kind": "user_account",
            "id": u.pk,
            "email": u.email,
            "date_joined": u.date_joined,
            "last_login": u.last_login,
            "is_active": u.is_active,
        }
        for u in _accounts(email).order_by("pk")
    ]
    return {
        "email": email,
        "accounts": accounts,
        "donations": donations_privacy.export(email),
        "sponsors": sponsorships_privacy.export(email),
        "correction_requests": prisoners_privacy.export(email),
        "campaign": export(email),
    }


def erase_all(email):
    """Erase or anonymise everything for `email`; returns the count by app."""
    counts = {
        "donations": donations_privacy.erase(email),
        "sponsors": sponsorships_privacy.erase(email),
        "correction_requests": prisoners_privacy.erase(email),
        "campaign": erase(email),
    }
    accounts = 0
    for user in _accounts(email):
        # Staff are not erased by this route: their access is removed by hand.
        if user.is_staff:
            continue
        user.is_active = False
        user.email = erased_email("user", user.pk)
        user.set_unusable_password()
        user.save(update_fields=["is_active", "email", "password"])
        user.emailaddress_set.all().delete()
        accounts += 1
    counts["accounts"] = accounts
    return counts
