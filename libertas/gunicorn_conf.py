"""gunicorn settings (`gunicorn -c python:libertas.gunicorn_conf`).

gunicorn sends "Server: gunicorn/<version>" by default; a version helps an attacker pick an
exploit, so the header names the site only.
"""

import os
import sys

import gunicorn.http.wsgi

from libertas.env import env_int

gunicorn.http.wsgi.SERVER = "Libertas"

# WEB_CONCURRENCY, the variable gunicorn itself reads (settings.WEB_CONCURRENCY: same default).
workers = env_int("WEB_CONCURRENCY", 3)

# Request line and headers are bounded here (gunicorn's defaults, stated so they are reviewed);
# bodies are bounded by MAX_REQUEST_BYTES in common.middleware and by the proxy.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190


def on_starting(server):
    """Run Django's system checks once, before any worker starts: an error stops gunicorn.

    The checks read the worker count gunicorn really uses, command-line flags included.
    """
    os.environ["WEB_CONCURRENCY"] = str(server.cfg.workers)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "libertas.settings")
    import django
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    django.setup()
    try:
        call_command("check")
    except SystemCheckError as error:
        server.log.error("%s", error)
        sys.exit(1)
    finally:
        # The checks may open a database connection in this master process. A forked worker
        # would inherit its socket and share it with its siblings: on PostgreSQL their
        # queries then interleave on one connection and fail. Each worker opens its own.
        from django.db import connections

        connections.close_all()
