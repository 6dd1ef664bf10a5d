from django.core.management.base import BaseCommand
from django.utils import timezone

from campaign import services


class Command(BaseCommand):
    help = (
        "E-mail the followers of each person whose hearing is in the next "
        f"{services.REMINDER_DAYS} days, once per hearing (safe to run often)."
    )

    def handle(self, *args, **options):
        count = services.remind_hearings(timezone.localdate())
        self.stdout.write(f"Reminded the followers of {count} hearing(s)")
