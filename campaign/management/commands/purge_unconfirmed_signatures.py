"""Forget signatures nobody confirmed within 30 days (run daily from cron)."""

from django.core.management.base import BaseCommand

from campaign.models import Signature

DAYS = 30


class Command(BaseCommand):
    help = "Delete petition signatures left unconfirmed for more than 30 days."

    def handle(self, *args, **options):
        deleted, _by_model = Signature.objects.stale(days=DAYS).delete()
        self.stdout.write(f"Deleted {deleted} unconfirmed signature(s) older than {DAYS} days.")
