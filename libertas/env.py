"""Read settings from the environment with checked parsing.

A bad value stops start-up with a message that names the variable, so a typo in a
deployment never turns silently into a default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off"}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of {sorted(TRUE_VALUES | FALSE_VALUES)}, got {raw!r}."
    )


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}.") from None


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name, default="", schemes=("http", "https")):
    value = os.environ.get(name, default).strip()
    if value and value.split("://", 1)[0] not in schemes or (value and "://" not in value):
        raise ImproperlyConfigured(
            f"{name} must be a URL starting with {' or '.join(s + '://' for s in schemes)}, "
            f"got {value!r}."
        )
    return value.rstrip("/")


def env_fernet_key(name):
    """A key for cryptography's Fernet: 32 bytes in URL-safe base64 (Fernet.generate_key())."""
    value = os.environ.get(name, "").strip()
    if value:
        from cryptography.fernet import Fernet

        try:
            Fernet(value)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must be a Fernet key (32 bytes in URL-safe base64), as printed by "
                "Fernet.generate_key()."
            ) from None
    return value
