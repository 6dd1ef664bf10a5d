"""Invite a staff member by e-mail: the first superuser is made this way too.

manage.py invite_staff someone@example.org --group Editor --superuser
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.accounts import invite_staff


class Command(BaseCommand):
    help = "E-mail a one-time link through which a new staff member sets a password and TOTP."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--group", action="append", default=[], help="repeat for several")
        parser.add_argument("--superuser", action="store_true", help="every permission")
        parser.add_argument(
            "--language", default=settings.LANGUAGE_CODE, choices=dict(settings.LANGUAGES)
        )

    @transaction.atomic
    def handle(self, email, group, superuser, language, **options):
        groups = list(Group.objects.filter(name__in=group))
        missing = set(group) - {g.name for g in groups}
        if missing:
            known = ", ".join(Group.objects.order_by("name").values_list("name", flat=True))
            raise CommandError(f"No group named {', '.join(sorted(missing))}. Known: {known}.")
        user = invite_staff(email, groups, language=language)
        if superuser:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        self.stdout.write(f"Invitation sent to {user.email}.")
