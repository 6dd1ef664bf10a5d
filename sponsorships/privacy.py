"""What we hold about a sponsor's contact, and how it is erased (see common.privacy)."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from common.privacy import ERASED_DOMAIN, erased_email
from sponsorships.models import Sponsor, Sponsorship

# A sponsor's contact is erased this long after their last sponsorship ended (privacy page).
SPONSOR_YEARS = 2


def _sponsors(email):
    return Sponsor.objects.filter(email__iexact=email.strip())


def export(email):
    return [
        {
            "kind": "sponsor",
            "id": s.pk,
            "organisation": s.name,
            "country": str(s.country),
            "city": s.city,
            "website": s.website,
            "contact_name": s.contact_name,
            "email": s.email,
            "phone": s.phone,
            "language": s.language,
            "public_consent": s.public_consent,
            "created_at": s.created_at,
            "user_account": s.user.email if s.user_id else "",
            "sponsorships": [
                {
                    "id": sp.pk,
                    "detainee": str(sp.detainee) if sp.detainee_id else "whole group",
                    "status": sp.status,
                    "signed_on": sp.signed_on,
                    "signing_place": sp.signing_place,
                    "actions": [
                        {"kind": a.kind, "date": a.date, "text": a.text, "status": a.status}
                        for a in sp.actions.order_by("pk")
                    ],
                }
                for sp in s.sponsorships.select_related("detainee").order_by("pk")
            ],
        }
        for s in _sponsors(email).select_related("user").order_by("pk")
    ]


def erase_contact(sponsor):
    """The contact person's name, address and phone go and the sign-in account is closed;
    the organisation's own record (a public body or NGO) stays with its agreements."""
    sponsor.contact_name = ""
    sponsor.email = erased_email("sponsor", sponsor.pk)
    sponsor.phone = ""
    sponsor.save(update_fields=["contact_name", "email", "phone"])
    if sponsor.user_id:
        user = sponsor.user
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])


def erase(email):
    count = 0
    for sponsor in _sponsors(email).select_related("user"):
        erase_contact(sponsor)
        count += 1
    return count


def erase_former_contacts(years):
    """Contacts of sponsors whose every sponsorship is over (ended or declined) and has not
    changed for `years`: the last change of an ended sponsorship is its ending."""
    cutoff = timezone.now() - timedelta(days=365 * years)
    still_current = Sponsorship.objects.filter(
        Q(status__in=[Sponsorship.Status.ACTIVE, Sponsorship.Status.PENDING])
        | Q(updated_at__gte=cutoff)
    )
    former = (
        Sponsor.objects.filter(sponsorships__isnull=False)
        .exclude(sponsorships__in=still_current)
        .exclude(email__endswith=f"@{ERASED_DOMAIN}")
        .select_related("user")
        .distinct()
    )
    count = 0
    for sponsor in former:
        erase_contact(sponsor)
        count += 1
    return count


def purge():
    """The retention period of sponsors' contacts (registered in SponsorshipsConfig.ready)."""
    erased = erase_former_contacts(years=SPONSOR_YEARS)
    return [f"erased {erased} sponsor contact(s) {SPONSOR_YEARS} years after their end"]
