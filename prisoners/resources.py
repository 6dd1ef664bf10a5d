"""The columns of the detainee and timeline spreadsheets (import and export in the admin).

Translated fields have one column per language (name_en, name_fr, name_hy); choices are
written as codes and read as codes or labels in any language; dates as 2024-03-18. A row is
checked by the model's own validation (choices, the slug rule of limited records), as the
admin's form checks it. Photos are not importable, nor the private contact and notes: a
spreadsheet travels by e-mail and sits in download folders.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from import_export import fields, resources
from import_export.widgets import Widget

from common.imports import SpreadsheetResource, translated
from prisoners.models import Detainee, TimelineEvent


class DetaineeResource(SpreadsheetResource, resources.ModelResource):
    class Meta:
        model = Detainee
        # The address is the record's key: a row with a known slug updates that record;
        # an empty slug makes a new record, whose address save() chooses.
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *translated("name"),
            "category",
            "status",
            "visibility",
            "sex",
            "birth_date",
            "birth_year",
            *translated("hometown"),
            "captured_on",
            *translated("capture_place", "capture_circumstances"),
            "last_seen_on",
            *translated("last_seen_place"),
            "detention_acknowledged",
            *translated("charges"),
            "criminal_code_articles",
            *translated("sentence", "place_of_detention"),
            "icrc_registered",
            "echr_application_number",
            "echr_interim_measures",
            "released_on",
            "died_on",
            "print_after_release",
            *translated("biography"),
            "photo_credit",
            *translated("photo_alt"),
            "consent_given_on",
            "consent_scope",
        ]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        if not (row.get("slug") or "").strip():
            return None  # a new record
        return super().get_instance(instance_loader, row)


class DetaineeBySlug(Widget):
    """The detainee of a row, named by the address of their profile."""

    def clean(self, value, row=None, **kwargs):
        slug = (str(value) if value is not None else "").strip()
        if not slug:
            raise ValueError(gettext("Give the detainee's address (slug)."))
        detainee = Detainee.objects.filter(slug=slug).first()
        if detainee is None:
            raise ValueError(gettext("No detainee has the address “%(slug)s”.") % {"slug": slug})
        return detainee

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


class TimelineEventResource(SpreadsheetResource, resources.ModelResource):
    # The id finds a record; a file never sets one (an empty cell would make a copy).
    id = fields.Field(attribute="id", column_name="id", readonly=True)
    detainee = fields.Field(attribute="detainee", column_name="detainee", widget=DetaineeBySlug())

    class Meta:
        model = TimelineEvent
        fields = ["id", "detainee", "date", "kind", *translated("text"), "source"]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        """By its id when the row has one; else the detainee's event of that kind on that
        date, so a list imported twice does not double every event."""
        if str(row.get("id") or "").strip():
            event = super().get_instance(instance_loader, row)
            if event is None:
                raise ValidationError({"id": gettext("No timeline event has this id.")})
            return event
        try:
            detainee = self.fields["detainee"].clean(row)
            date = self.fields["date"].clean(row)
            kind = self.fields["kind"].clean(row)
        except ValueError:
            return None  # the row's own errors are reported when its fields are read
        return TimelineEvent.objects.filter(detainee=detainee, date=date, kind=kind).first()
