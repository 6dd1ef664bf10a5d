"""Right of access and erasure: `personal_data export EMAIL` or `personal_data erase EMAIL`."""

from django.core.management.base import BaseCommand
from django.db import transaction

from campaign import privacy
from common.privacy import to_json


class Command(BaseCommand):
    help = (
        "Print as JSON everything stored for an e-mail address (export), or erase it "
        "(donations are anonymised, keeping amounts and dates for the accounts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument(
            "--yes", action="store_true", help="Erase without asking for confirmation."
        )

    def handle(self, action, email, yes=False, **options):
        if action == "export":
            self.stdout.write(to_json(privacy.export_all(email)))
            return
        if not yes and input(f"Erase every record of {email}? Type 'yes': ") != "yes":
            self.stdout.write("Nothing erased.")
            return
        with transaction.atomic():
            counts = privacy.erase_all(email)
        self.stdout.write(to_json(counts))
