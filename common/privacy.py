"""Shared pieces of the right of access and erasure: each app says what it holds by e-mail.

Each app has a `privacy.py` with `export(email)` (a list of plain dicts) and
`erase(email)` (the number of records changed), registered in its AppConfig.ready with
common.jobs, which gathers them for the `personal_data` command; each app's admin offers the
same two actions on its own models.

Both belong to one role: the Privacy group, given `personal_data_<model>` on each model that
offers them, and superusers. An export crosses apps (a follower's export holds their
donations), so nobody else may run it, whatever else they may see.
"""

import json

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.actions import confirmed_action
from common.trail import record_each

# What an erased address becomes: unique per record (some tables allow one row per
# address), and in a reserved domain that can never receive mail.
ERASED_DOMAIN = "erased.invalid"


def erased_email(model_label, pk):
    return f"erased-{model_label}-{pk}@{ERASED_DOMAIN}"


def to_json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


class PersonalDataAdmin:
    """Mixin for a ModelAdmin that offers `privacy_actions`: says who may run them."""

    def has_personal_data_permission(self, request):
        codename = get_permission_codename("personal_data", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")


def privacy_actions(export, erase, email_field):
    """Admin actions "Export personal data" and "Erase personal data" for one model,
    whose ModelAdmin inherits PersonalDataAdmin."""

    def emails(queryset):
        return sorted({e for e in queryset.values_list(email_field, flat=True) if e})

    def check(modeladmin, request):
        # The admin hides and refuses actions by their `permissions`; say it again here, so
        # that no other caller of the action gets round it.
        if not modeladmin.has_personal_data_permission(request):
            raise PermissionDenied

    @admin.action(
        description=_("Export the personal data of the selected people (JSON)"),
        permissions=["personal_data"],
    )
    def export_personal_data(modeladmin, request, queryset):
        check(modeladmin, request)
        data = {email: export(email) for email in emails(queryset)}
        record_each(request.user, "export_personal_data", queryset)
        response = HttpResponse(to_json(data), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    @confirmed_action(
        description=_("Erase the personal data of the selected people"),
        question=_("Erase the personal data of these people?"),
        permissions=["personal_data"],
        # An erasure answers a request: say which (its date and channel, not the address).
        reason_required=True,
    )
    def erase_personal_data(modeladmin, request, queryset, reason):
        check(modeladmin, request)
        selected = list(queryset)
        changed = sum(erase(email) for email in emails(queryset))
        record_each(request.user, "erase_personal_data", selected, reason=reason, changed=changed)
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
