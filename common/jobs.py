"""Jobs that cross every app, as registries each app fills in its AppConfig.ready: common
names no app, and the commands (`personal_data`, `purge_personal_data`, `load_demo`) loop
over what was registered. `order` sets the sequence where it matters: demo records of
prisoners come before the sponsorships that name them.

- personal data: `export(email)` returns a list of plain dicts, `erase(email)` the number of
  records erased or anonymised (see common.privacy);
- retention: `purge()` applies the app's retention periods and returns sentences for the log;
- demo data: `load()` adds the app's sample records, idempotently.
"""

from django.contrib.auth import get_user_model

from common.privacy import erased_email

_personal_data = []
_retention = []
_demo = []


def _register(registry, order, key, *functions):
    # Registering a key again replaces it: a module imported twice runs a job once.
    registry[:] = [entry for entry in registry if entry[1] != key]
    registry.append((order, key, *functions))
    registry.sort(key=lambda entry: entry[0])


def register_personal_data(key, export, erase, order=0):
    """`key` names the app's part of an export ("donations") and of an erasure's counts."""
    _register(_personal_data, order, key, export, erase)


def register_retention(key, purge, order=0):
    _register(_retention, order, key, purge)


def register_demo(key, load, order=0):
    _register(_demo, order, key, load)


def _accounts(email):
    return get_user_model().objects.filter(email__iexact=email.strip())


def export_all(email):
    """Everything we hold for `email`: the sign-in accounts, then each app's records."""
    accounts = [
        {
            "kind": "user_account",
            "id": u.pk,
            "email": u.email,
            "date_joined": u.date_joined,
            "last_login": u.last_login,
            "is_active": u.is_active,
        }
        for u in _accounts(email).order_by("pk")
    ]
    data = {"email": email, "accounts": accounts}
    for _order, key, export, _erase in _personal_data:
        data[key] = export(email)
    return data


def erase_all(email):
    """Erase or anonymise everything for `email`; returns the count by app, then accounts."""
    counts = {key: erase(email) for _order, key, _export, erase in _personal_data}
    accounts = 0
    for user in _accounts(email):
        # Staff are not erased by this route: their access is removed by hand.
        if user.is_staff:
            continue
        user.is_active = False
        user.email = erased_email("user", user.pk)
        user.set_unusable_password()
        user.save(update_fields=["is_active", "email", "password"])
        user.emailaddress_set.all().delete()
        accounts += 1
    counts["accounts"] = accounts
    return counts


def purge_all():
    """Apply every app's retention periods; returns what was done, as sentences."""
    done = []
    for _order, _key, purge in _retention:
        done.extend(purge())
    return done


def load_demo():
    for _order, _key, load in _demo:
        load()
