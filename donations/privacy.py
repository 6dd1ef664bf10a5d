"""What we hold about a donor, and how it is erased (see common.privacy)."""

from django.db.models import Q

from common.privacy import erased_email
from donations.models import Donation


def _donations(email):
    return Donation.objects.filter(Q(donor_email__iexact=email.strip()))


def export(email):
    return [
        {
            "kind": "donation",
            "id": d.pk,
            "donor_name": d.donor_name,
            "donor_email": d.donor_email,
            "amount_minor_units": d.amount,
            "currency": d.currency,
            "frequency": d.frequency,
            "status": d.status,
            "named_on_donors_list": d.show_on_wall,
            "dedicated_to": str(d.dedicated_to) if d.dedicated_to_id else "",
            "language": d.language,
            "created_at": d.created_at,
            "paid_at": d.paid_at,
            "stripe_customer_id": d.stripe_customer_id,
        }
        for d in _donations(email).select_related("dedicated_to").order_by("created_at", "pk")
    ]


def erase(email):
    """Anonymise, never delete: the accounts keep amount, currency, dates, status and the
    Stripe ids (the accounting trail); the name, address, wall consent and dedication go."""
    count = 0
    for donation in _donations(email):
        donation.donor_name = ""
        donation.donor_email = erased_email("donation", donation.pk)
        donation.show_on_wall = False
        donation.dedicated_to = None
        donation.save(update_fields=["donor_name", "donor_email", "show_on_wall", "dedicated_to"])
        count += 1
    return count
