"""Monthly totals now count by payment date and net of refunds: fill what older rows lack.

- A donation whose money arrived (paid, refunded, disputed) but that has no payment time counts
  in the month it was made: Checkout is paid minutes after the donation is created.
- A donation marked refunded with nothing recorded as refunded was refunded in full (Stripe's
  charge.refunded says "refunded" only when the whole charge is).
Stands alone: no project code, the statuses written out.
"""

from django.db import migrations
from django.db.models import F

RECEIVED = ["PAID", "REFUNDED", "DISPUTED"]


def backfill(apps, schema_editor):
    Donation = apps.get_model("donations", "Donation")
    Donation.objects.filter(status__in=RECEIVED, paid_at__isnull=True).update(
        paid_at=F("created_at")
    )
    Donation.objects.filter(status="REFUNDED", amount_refunded=0).update(
        amount_refunded=F("amount")
    )


class Migration(migrations.Migration):
    dependencies = [("donations", "0005_giving_details")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
