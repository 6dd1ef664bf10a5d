"""Apply the retention periods the privacy page states (run daily from cron).

Each app registers its own periods in its AppConfig.ready (see common.jobs): today the
petition's (campaign.privacy) and sponsors' contacts' (sponsorships.privacy).
"""

from django.core.management.base import BaseCommand

from common import jobs


class Command(BaseCommand):
    help = "Delete or anonymise personal data whose retention period is over."

    def handle(self, *args, **options):
        self.stdout.write("; ".join(jobs.purge_all()) + ".")
