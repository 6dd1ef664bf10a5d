"""The columns of the sponsors' spreadsheet (import and export in the admin).

Cities often sign on paper: staff bring their lists in by import. A row names its sponsor by
the `id` column, or, without one, by its name (in any language) and country. The contact
person, e-mail and phone are personal data: only those who may export personal data
(the Privacy role) get them in an export (see SponsorAdmin.get_export_resource_classes).
Logos are not importable; the linked account and the e-mail confirmation are never set by a
file, and a confirmed address cannot be changed by one (approval links an account to it).
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from common.imports import SpreadsheetResource, translated
from sponsorships.models import Sponsor

PUBLIC_COLUMNS = [
    "id",
    "kind",
    *translated("name"),
    "country",
    *translated("city"),
    "website",
    "public_consent",
]
CONTACT_COLUMNS = ["contact_name", "email", "phone", "language"]


class SponsorResource(SpreadsheetResource, resources.ModelResource):
    # The id finds a record; a file never sets one (an empty cell would make a copy).
    id = fields.Field(attribute="id", column_name="id", readonly=True)

    class Meta:
        model = Sponsor
        name = _("Sponsors, without contact details")
        fields = PUBLIC_COLUMNS
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        if str(row.get("id") or "").strip():
            sponsor = super().get_instance(instance_loader, row)
            if sponsor is None:
                raise ValidationError({"id": gettext("No sponsor has this id.")})
            return sponsor
        names = [row[c].strip() for c in translated("name") if str(row.get(c) or "").strip()]
        country = self.fields["country"].clean(row) if "country" in row else ""
        if not names or not country:
            return None  # a new sponsor; its missing name or country is reported as an error
        same_name = Q()
        for name in names:
            same_name |= Q(name_en__iexact=name) | Q(name_fr__iexact=name) | Q(name_hy__iexact=name)
        matches = list(Sponsor.objects.filter(same_name, country=country)[:2])
        if len(matches) > 1:
            raise ValidationError(
                {"id": gettext("Several sponsors have this name and country: give the id.")}
            )
        return matches[0] if matches else None


class SponsorContactResource(SponsorResource):
    holds_personal_data = True

    class Meta:
        model = Sponsor
        name = _("Sponsors, with contact details (personal data)")
        fields = [*PUBLIC_COLUMNS, *CONTACT_COLUMNS]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def import_instance(self, instance, row, **kwargs):
        confirmed = instance.pk is not None and instance.email_confirmed_at is not None
        before = instance.email
        super().import_instance(instance, row, **kwargs)
        if confirmed and instance.email.casefold() != before.casefold():
            # As on the admin's form: the confirmed address is the one an account is linked to.
            raise ValidationError(
                {"email": gettext("This sponsor confirmed their address: it cannot be changed.")}
            )
