"""System checks that stop a production start (debug off) on a known-password account.

They run with every management command's checks (runserver, check, check --deploy, migrate)
and, because gunicorn runs no checks, when libertas/wsgi.py loads the application.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from django.db.models import Q


@register(Tags.security, Tags.database)
def demo_staff_has_no_known_password(app_configs=None, **kwargs):
    # Run even when Django does not ask for database checks: runserver and check --deploy
    # never do, and this must stop them.
    if settings.DEBUG:
        return []
    email = settings.DEMO_STAFF_EMAIL
    try:
        users = get_user_model().objects.filter(
            Q(email__iexact=email) | Q(emailaddress__email__iexact=email)
        )
        known = [user for user in users.distinct() if user.has_usable_password()]
    except DatabaseError:
        return []  # no tables yet: nothing to fear before the first migrate
    if not known:
        return []
    return [
        Error(
            f"The demo account {email} has a password published in the README, and debug is "
            "off: anyone could sign in with it.",
            hint='Delete it (manage.py shell -c "from django.contrib.auth import '
            f"get_user_model; get_user_model().objects.filter(email='{email}').delete()\") "
            "or reload the demo data only with DJANGO_DEBUG=1.",
            id="libertas.E002",
        )
    ]


def refuse_to_start():
    """Raise at application start if a database check finds a serious problem."""
    from django.core.checks import run_checks
    from django.core.management.base import SystemCheckError

    errors = [e for e in run_checks(tags=[Tags.database], databases=["default"]) if e.is_serious()]
    if errors:
        raise SystemCheckError("\n".join(str(error) for error in errors))
