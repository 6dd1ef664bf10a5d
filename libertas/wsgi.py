import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "libertas.settings")

application = get_wsgi_application()

# gunicorn runs no system checks: the ones that guard production stop each worker here.
from common.checks import refuse_to_start  # noqa: E402 (needs the apps loaded above)

refuse_to_start()
