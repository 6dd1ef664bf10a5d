"""Settings for Libertas, read from the environment (see the table in README.md)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from libertas.env import env_bool, env_fernet_key, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DJANGO_DEBUG is off. Set it to a long random "
            "value, for example the output of: python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'"
        )
    # Only ever used on a developer's machine: DEBUG is on.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
SITE_URL = env_url("SITE_URL", default="http://127.0.0.1:8000")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "common.apps.CommonAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates, for FORM_RENDERER below
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "mailer",
    "django_countries",
    "import_export",  # spreadsheet import (with a dry run) and export in the admin
    "common",
    "prisoners",
    "sponsorships",
    "donations",
    "campaign",
]

MIDDLEWARE = [
    # First, so an oversized body is refused before anything reads it.
    "common.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A hit is answered here: the stored page carries the headers the next four set.
    "common.cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Below the page cache, so a page is compressed once and cached compressed.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a blocked rate limit (block=True) into RATELIMIT_VIEW's translated 429 page.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # A write that could not get the database in time: 503 with the form as typed, not 500.
    "common.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "libertas.urls"
WSGI_APPLICATION = "libertas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "common.context_processors.layout",
            ],
        },
    },
]

# Widgets render through the templates above, so templates/django/forms/ can add to Django's
# (a select option in a language of its own says so with `lang`).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite by default, PostgreSQL (or anything dj-database-url reads) through DATABASE_URL.
_database_url = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
except Exception as exc:  # dj-database-url raises several types for bad URLs
    raise ImproperlyConfigured(f"DATABASE_URL could not be read: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. So that concurrent visitors wait for each other instead
    # of failing with "database is locked": every transaction takes the write lock when it
    # begins (IMMEDIATE; a deferred one that reads then writes cannot wait, SQLite refuses it
    # at once), a writer waits up to SQLITE_TIMEOUT seconds for the lock, and the journal is
    # a write-ahead log, so readers never block the writer nor the writer the readers.
    # If a write still times out, common.middleware.DatabaseBusyMiddleware answers 503 with
    # what the visitor typed, never 500.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches shared by every process on the machine (or, with Redis, by every server): a change
# made by one worker, a shell or a command is seen by all at once. Two aliases, so the
# variety of pages visitors can ask for never evicts what "default" holds: rate-limit counters
# (django-ratelimit and allauth), tokens and small fragments.
# gunicorn workers (libertas/gunicorn_conf.py reads the same variable, as gunicorn does): with
# more than one, every cache must be shared (common.checks).
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 3)

# CACHE_URL: redis://host:6379/0 in production, file:///path for a folder on this machine
# (the default, under .cache/), or locmem:// for one process only (refused with several workers).
CACHE_URL = (
    env_url(
        "CACHE_URL",
        default=f"file://{BASE_DIR / '.cache'}",
        schemes=("redis", "rediss", "file", "locmem"),
    )
    or f"file://{BASE_DIR / '.cache'}"
)
_cache_scheme, _cache_location = CACHE_URL.split(":", 1)[0], CACHE_URL.split("://", 1)[-1]
if _cache_scheme in ("redis", "rediss"):
    # PAGE_CACHE_URL: a Redis of its own for pages, which a crawler can fill (any ?q=, any
    # ?page=): give it maxmemory with allkeys-lru, and keep CACHE_URL's on noeviction.
    PAGE_CACHE_URL = env_url("PAGE_CACHE_URL", default=CACHE_URL, schemes=("redis", "rediss"))
    CACHES = {
        alias: {
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": (PAGE_CACHE_URL or CACHE_URL) if alias == "pages" else CACHE_URL,
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "pages")
    }
elif _cache_scheme == "file":
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": f"{_cache_location}/{alias}",
            # Counters must outlive any number of visitors; pages are culled past this.
            "OPTIONS": {"MAX_ENTRIES": 100_000 if alias == "default" else 5_000},
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "pages")
    }
# django-ratelimit counts in "default" with allauth's login limits, never in "pages".
RATELIMIT_USE_CACHE = "default"

# The largest request body accepted (bytes): above it, 413 before the body is read. The proxy
# in front (deploy/nginx.conf, client_max_body_size) refuses the same size first.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 12 * 1024 * 1024)

# Whole public pages cached for anonymous visitors (common/cache.py), per language,
# dropped when a model of these apps changes, only where it shows. 0 switches it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_APPS = ["prisoners", "sponsorships", "donations", "campaign"]
# Written by visitors and Stripe, never shown as such on a public page: saving one drops
# nothing. The donors wall may lag by PAGE_CACHE_SECONDS; the petition's counter is read live
# (campaign:petition_count, a few seconds old at most).
PAGE_CACHE_IGNORED_MODELS = [
    "donations.Donation",
    "donations.StripeEvent",
    "campaign.Signature",
    "campaign.Follower",
    "campaign.Subscriber",
    "campaign.HearingReminder",
    # Pressed by visitors; the take-action page reads it live (campaign:letters_opened_count).
    "campaign.LettersOpened",
    # Approval by staff drops the profile it shows on (campaign.models, "profile:<slug>").
    "campaign.SolidarityMessage",
    "campaign.MessageBundle",
    "prisoners.CorrectionRequest",
    # Private until staff approve it; approval saves the Sponsor, which drops its pages.
    "sponsorships.SponsorProposal",
]
# A change of a detainee drops their profile (old and new address) and the "index" (every
# page but the profiles); a change of these drops the profiles they link to (by this path
# to the detainee) and the index. Any other model drops every page.
PAGE_CACHE_DETAINEE_MODEL = "prisoners.Detainee"
PAGE_CACHE_DETAINEE_PARTS = {
    "prisoners.TimelineEvent": "detainee",
    "sponsorships.Sponsorship": "detainee",
    "sponsorships.Sponsor": "sponsorships__detainee",
    "campaign.NewsItem": "detainees",
    "campaign.Event": "detainees",
    "sponsorships.SponsorAction": "sponsorship__detainee",
}
# Only rows of these that match the lookups show on a public page (a sponsor sign-up stays
# PENDING, unseen, until staff approve it): a save that leaves a row unmatched before and
# after drops nothing. Keep in step with what the pages show (Sponsorship.objects.active()).
PAGE_CACHE_SHOWN = {
    "sponsorships.Sponsorship": {"status": "ACTIVE"},
    "sponsorships.SponsorAction": {"status": "APPROVED"},
    "sponsorships.Sponsor": {"sponsorships__status": "ACTIVE"},
}
# A row of these whose link (this path) to a detainee is empty is shown on every profile.
PAGE_CACHE_WHOLE_GROUP = {
    "sponsorships.Sponsorship": "detainee",
    "sponsorships.SponsorAction": "sponsorship__detainee",
    "sponsorships.Sponsor": "sponsorships__detainee",
}
# Pages that show one detainee, named by the URL's "slug": they depend on that detainee only
# (and on "all"), not on the index.
PAGE_CACHE_PROFILE_VIEWS = {
    "prisoners:detail",
    "prisoners:report",
    "prisoners:share_image",
    "campaign:follow",
    "campaign:follow_sent",
    "campaign:message",
    "campaign:message_sent",
}
PAGE_CACHE_PREFIXES = ("/en/", "/fr/", "/hy/")
# The query parameters each cached page reads (by URL name). The page-cache key and the
# language links keep only these, so ?fbclid=… or ?utm_…=… neither fills the cache nor
# misses it. A view that starts reading a new parameter must be listed here.
PAGE_CACHE_QUERY_PARAMETERS = {
    "prisoners:list": ["q", "page", "category", "status"],
    "campaign:news": ["kind", "page"],
    "campaign:take_action": ["country", "name", "detainee"],
    "donations:donate": ["dedicated_to"],
    "sponsorships:signup": ["q", "target"],
    "sponsorships:actions": ["kind", "country", "detainee", "page"],
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Languages: every public URL carries one of these prefixes.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("hy", _("Armenian")),
]
# Which catalogue wins at runtime: Django merges the installed apps' catalogues (an app higher
# in INSTALLED_APPS wins) and then LOCALE_PATHS (the first wins), over everything. Our apps come
# last in INSTALLED_APPS, so a package with the same msgid (django_countries' "Austria", the
# admin's "Filter" and "All") used to replace our wording; listing our catalogues here puts
# every one of ours above every package. Order: project-wide strings, then each app's own
# (highest layer first, as they never disagree: `check_translations` fails if two of ours give
# one msgid two translations), then our translations of the packages' strings, which fill what a
# package leaves untranslated (most of Armenian) and correct what it gets wrong (Django's
# Armenian months): locale/packages for Django and the other packages, locale/allauth for
# django-allauth. Both are written by hand; `makemessages` never touches them (it writes only
# locale/<lang> and each app's locale/).
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "campaign" / "locale",
    BASE_DIR / "sponsorships" / "locale",
    BASE_DIR / "donations" / "locale",
    BASE_DIR / "prisoners" / "locale",
    BASE_DIR / "locale" / "packages",
    BASE_DIR / "locale" / "allauth",
]
# Our own date, time and number formats (libertas/formats/<lang>/formats.py): Django has none
# for Armenian. USE_THOUSAND_SEPARATOR stays off: a year or an id must never be grouped; figures
# are grouped where shown, with `intcomma`.
FORMAT_MODULE_PATH = ["libertas.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Staff may write a record in any one language: each reader sees their own, else English, else
# French, else Armenian (common.languages.shown() says which, and the page marks it).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr", "hy")}

SITE_ID = 1

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files no web server may serve (detainees' original photos, signed agreements): only views
# that check who asks read them, through the "private" storage.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured(
        f"PRIVATE_MEDIA_ROOT ({PRIVATE_MEDIA_ROOT}) must be outside MEDIA_ROOT ({MEDIA_ROOT}), "
        "which the web server publishes."
    )
# Django serves uploaded files itself only in development and in the benchmark; in
# production the web server in front of gunicorn does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "common.storage.PrivateStorage"},
    "staticfiles": {
        # Tests run without collectstatic, so they use the plain storage.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not env_bool("STATIC_PLAIN", default=False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_MAX_AGE = 60 * 60

# E-mail: the console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 20
if EMAIL_HOST:
    # Every e-mail is first saved in the database queue (django-mailer), then sent by the
    # mailer worker, which retries deferred messages: a failing mail server loses nothing.
    EMAIL_BACKEND = "mailer.backend.DbBackend"
    MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
MAILER_USE_FILE_LOCK = False  # several app servers share the queue; rows are locked instead
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Libertas <no-reply@libertas2020.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Staff who receive correction requests and new sponsor requests.
STAFF_EMAILS = env_list("STAFF_EMAILS", default=["contactlibertas2020@gmail.com"])
# Where a reply to an e-mail that invites one goes (Reply-To): DEFAULT_FROM_EMAIL is no-reply.
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "contactlibertas2020@gmail.com")

# Stripe: read here, used by the donations app. Without the secret key, online
# giving is switched off and the donate page says so.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
# Pinned once: every request we send and every event we accept uses this version.
STRIPE_API_VERSION = "2026-10-28.endive"

# Accounts (django-allauth): e-mail login, mandatory verification, TOTP for staff.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Libertas] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Failed sign-ins are counted per address and per account; past the limit allauth answers
# with templates/429.html (translated). Explicit here so the limits are reviewed, not inherited.
# One address's failures never block another address; an account's own limit can delay only
# that account. allauth's sign-in is the only password form: the admin's never reads one.
# A TOTP code counts against "login_failed" too, per account ("mfa-auth-user-<pk>").
ACCOUNT_RATE_LIMITS = {"login": "30/m/ip", "login_failed": "10/m/ip,5/300s/key"}
# Reset mail goes to any typed address (unknown ones get "no account" mail): 3 an hour each.
ACCOUNT_RATE_LIMITS["reset_password"] = "20/m/ip,3/h/key"  # noqa: S105 (a rate, not a secret)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Libertas"
# libertas/accounts.py: once an account has a second factor, only it reauthenticates (never
# the password alone); TOTP secrets are encrypted; staff enrol only through an invitation.
ACCOUNT_ADAPTER = "common.accounts.AccountAdapter"
MFA_ADAPTER = "common.accounts.MFAAdapter"
MFA_FORMS = {"activate_totp": "common.forms.ActivateTOTPForm"}
# Explicit, though allauth's default: a taken address answers like a new one.
ACCOUNT_PREVENT_ENUMERATION = True
# A password reset asked for an unknown address sends nothing: allauth's e-mail would invite
# the stranger to sign up, and sign-up is closed (common.accounts.AccountAdapter).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# A Fernet key (see README): TOTP secrets are stored encrypted with it.
MFA_ENCRYPTION_KEY = env_fernet_key("MFA_ENCRYPTION_KEY")
if not MFA_ENCRYPTION_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "MFA_ENCRYPTION_KEY is required when DJANGO_DEBUG is off. Set it to the output "
            "of: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        )
    # Only ever used on a developer's machine: DEBUG is on.
    MFA_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1rZXktbm90LWZvci11c2U="
LOGIN_REDIRECT_URL = "/"

# The demo staff account made by `load_demo`. With DEBUG on it may open the admin
# without a second factor, so a newcomer can look around; never in production.
DEMO_STAFF_EMAIL = "demo-staff@example.org"
DEMO_STAFF_PASSWORD = "libertas-demo"  # noqa: S105

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security: strict by default, relaxed only for local development over plain HTTP.
SECURE = not DEBUG
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=SECURE)
# /healthz must answer the load balancer over plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "common.views.csrf_failure"
CSRF_COOKIE_HTTPONLY = True

# Everything comes from our own origin: no CDN, no analytics, no inline script.
# Stripe is reached only by redirect after a form, hence its hosts in form-action.
STRIPE_HOSTS = ["https://checkout.stripe.com", "https://billing.stripe.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF, *STRIPE_HOSTS],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# modeltranslation's tabbed admin would load jQuery UI from a CDN; serve our own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# django-ratelimit counts in the cache (Redis in production, shared by every app server).
RATELIMIT_VIEW = "common.views.ratelimited"
RATELIMIT_IP_META_KEY = "common.views.client_ip"
# How many proxies (load balancer, TLS terminator) stand between visitors and gunicorn.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# allauth counts failed sign-ins by the same visitor address.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
