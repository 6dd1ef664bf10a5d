"""gunicorn settings (`gunicorn -c python:libertas.gunicorn_conf`).

gunicorn sends "Server: gunicorn/<version>" by default; a version helps an attacker pick an
exploit, so the header names the site only.
"""

import gunicorn.http.wsgi

gunicorn.http.wsgi.SERVER = "Libertas"
