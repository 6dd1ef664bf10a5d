"""System checks that stop a production start (debug off): per-worker caches, known passwords.

They run with every management command's checks (runserver, check, check --deploy, migrate)
and, because gunicorn runs no checks, when libertas/wsgi.py loads the application.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from django.db.models import Q


@register(Tags.caches)
def check_shared_cache(app_configs, **kwargs):
    """Several workers with a cache each would each keep their own pages and counters."""
    if settings.DEBUG:
        return []
    local = [
        alias
        for alias, config in settings.CACHES.items()
        if config["BACKEND"].endswith("LocMemCache")
    ]
    workers = settings.WEB_CONCURRENCY
    if local and workers > 1:
        return [
            Error(
                f"The cache {', '.join(local)} lives in each process, and gunicorn starts "
                f"{workers} workers (WEB_CONCURRENCY): a hidden record would stay visible in "
                "the others, and rate limits would count per worker.",
                hint="Set CACHE_URL to redis://… (or leave it empty for the folder cache), "
                "or WEB_CONCURRENCY=1.",
                id="common.E001",
            )
        ]
    return []


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
            id="common.E002",
        )
    ]


def refuse_to_start():
    """Raise at application start if a database check finds a serious problem."""
    from django.core.checks import run_checks
    from django.core.management.base import SystemCheckError

    errors = [e for e in run_checks(tags=[Tags.database], databases=["default"]) if e.is_serious()]
    if errors:
        raise SystemCheckError("\n".join(str(error) for error in errors))
