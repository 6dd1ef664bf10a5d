"""Apply the retention periods the privacy page states (run daily from cron).

- a petition signature nobody confirmed within SIGNATURE_DAYS is deleted;
- when a petition is closed, its confirmed signatures are anonymised: the count stays true;
- a sponsor's contact person is erased SPONSOR_YEARS after their last sponsorship ended.
"""

from django.core.management.base import BaseCommand

from campaign import privacy
from sponsorships import privacy as sponsorships_privacy

SIGNATURE_DAYS = 30
SPONSOR_YEARS = 2


class Command(BaseCommand):
    help = "Delete or anonymise personal data whose retention period is over."

    def handle(self, *args, **options):
        unconfirmed = privacy.delete_stale_signatures(days=SIGNATURE_DAYS)
        closed = privacy.anonymise_closed_petitions()
        sponsors = sponsorships_privacy.erase_former_contacts(years=SPONSOR_YEARS)
        self.stdout.write(
            f"Deleted {unconfirmed} signature(s) unconfirmed after {SIGNATURE_DAYS} days; "
            f"anonymised {closed} signature(s) of closed petitions; "
            f"erased {sponsors} sponsor contact(s) {SPONSOR_YEARS} years after their end."
        )
