# Production image: gunicorn behind a proxy, static files served by WhiteNoise. Its workers
# (WEB_CONCURRENCY) share the cache: Redis with CACHE_URL, else a folder in the container.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WEB_CONCURRENCY=3

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 libertas

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=libertas:libertas . .

# Build-time steps need settings but no secrets: a throwaway key, never used at run time.
RUN SECRET_KEY=build-only MFA_ENCRYPTION_KEY=styHtGsbW7eYfptPZe2gtXjnFTQ3jKEEi8Xfobp5BxI= DJANGO_DEBUG=0 python manage.py collectstatic --no-input \
    && SECRET_KEY=build-only MFA_ENCRYPTION_KEY=styHtGsbW7eYfptPZe2gtXjnFTQ3jKEEi8Xfobp5BxI= DJANGO_DEBUG=0 python manage.py compilemessages --ignore '.venv/*' \
    && mkdir -p /app/media /app/private-media /app/.cache \
    && chown libertas:libertas /app/media /app/private-media /app/.cache

USER libertas
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1

CMD ["gunicorn", "libertas.wsgi", "-c", "python:libertas.gunicorn_conf", "--bind", "0.0.0.0:8000", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
