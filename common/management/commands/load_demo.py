"""Load the demo data: idempotent, so `make run` may call it every time.

Each app keeps its own demo records (its demo.py) and registers their loader in its
AppConfig.ready (see common.jobs).
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from common import jobs


class Command(BaseCommand):
    help = "Load sample records (invented people, the collective's NGOs, content pages)."

    @transaction.atomic
    def handle(self, *args, **options):
        jobs.load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if settings.DEBUG:
            self.create_demo_staff()
            self.stdout.write(
                f"Demo staff login (debug mode only): {settings.DEMO_STAFF_EMAIL} / "
                f"{settings.DEMO_STAFF_PASSWORD}"
            )

    def create_demo_staff(self):
        user, created = get_user_model().objects.get_or_create(
            username="demo-staff",
            defaults={
                "email": settings.DEMO_STAFF_EMAIL,
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            user.set_password(settings.DEMO_STAFF_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user,
            email=settings.DEMO_STAFF_EMAIL,
            defaults={"verified": True, "primary": True},
        )
