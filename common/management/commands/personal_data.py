"""Right of access and erasure: `personal_data export EMAIL` or `personal_data erase EMAIL`.

Each app registers what it holds in its AppConfig.ready (see common.jobs).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from common import jobs
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
            self.stdout.write(to_json(jobs.export_all(email)))
            return
        if not yes and input(f"Erase every record of {email}? Type 'yes': ") != "yes":
            self.stdout.write("Nothing erased.")
            return
        with transaction.atomic():
            counts = jobs.erase_all(email)
        self.stdout.write(to_json(counts))
