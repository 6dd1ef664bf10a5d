"""What we hold about a sponsor's contact, and how it is erased (see libertas/privacy.py)."""

from libertas.privacy import erased_email
from sponsorships.models import Sponsor


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
                }
                for sp in s.sponsorships.select_related("detainee").order_by("pk")
            ],
        }
        for s in _sponsors(email).select_related("user").order_by("pk")
    ]


def erase(email):
    """The contact person's name, address and phone go and the sign-in account is closed;
    the organisation's own record (a public body or NGO) stays with its agreements."""
    count = 0
    for sponsor in _sponsors(email).select_related("user"):
        sponsor.contact_name = ""
        sponsor.email = erased_email("sponsor", sponsor.pk)
        sponsor.phone = ""
        sponsor.save(update_fields=["contact_name", "email", "phone"])
        if sponsor.user_id:
            user = sponsor.user
            user.is_active = False
            user.set_unusable_password()
            user.save(update_fields=["is_active", "password"])
        count += 1
    return count
