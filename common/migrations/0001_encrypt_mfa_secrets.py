"""Encrypt the TOTP secrets and recovery-code seeds stored in clear before MFA_ENCRYPTION_KEY.

From now on common.accounts.MFAAdapter encrypts them when they are made; this migration
encrypts those already stored, so no staff member has to enrol again.
"""

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import migrations

FIELD_BY_TYPE = {"totp": "secret", "recovery_codes": "seed"}


def encrypt_stored_secrets(apps, schema_editor):
    fernet = Fernet(settings.MFA_ENCRYPTION_KEY)
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=FIELD_BY_TYPE):
        field = FIELD_BY_TYPE[authenticator.type]
        value = authenticator.data.get(field)
        if not value:
            continue
        try:
            fernet.decrypt(value.encode())
            continue  # already encrypted
        except InvalidToken:
            pass
        authenticator.data[field] = fernet.encrypt(value.encode()).decode()
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [("mfa", "0003_authenticator_type_uniq")]

    operations = [migrations.RunPython(encrypt_stored_secrets, migrations.RunPython.noop)]
