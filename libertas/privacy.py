"""Shared pieces of the right of access and erasure: each app says what it holds by e-mail.

Each app has a `privacy.py` with `export(email)` (a list of plain dicts) and
`erase(email)` (the number of records changed). The `campaign` app gathers them for the
`personal_data` command; each app's admin offers the same two actions on its own models.
"""

import json

from django.contrib import admin, messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# What an erased address becomes: unique per record (some tables allow one row per
# address), and in a reserved domain that can never receive mail.
ERASED_DOMAIN = "erased.invalid"


def erased_email(model_label, pk):
    return f"erased-{model_label}-{pk}@{ERASED_DOMAIN}"


def to_json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def privacy_actions(export, erase, email_field):
    """Admin actions "Export personal data" and "Erase personal data" for one model."""

    def emails(queryset):
        return sorted({e for e in queryset.values_list(email_field, flat=True) if e})

    @admin.action(description=_("Export the personal data of the selected people (JSON)"))
    def export_personal_data(modeladmin, request, queryset):
        data = {email: export(email) for email in emails(queryset)}
        response = HttpResponse(to_json(data), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    @admin.action(
        description=_("Erase the personal data of the selected people"),
        permissions=["change"],
    )
    def erase_personal_data(modeladmin, request, queryset):
        changed = sum(erase(email) for email in emails(queryset))
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d record erased or anonymised.",
                "%(count)d records erased or anonymised.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )

    return [export_personal_data, erase_personal_data]
