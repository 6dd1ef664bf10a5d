"""Spreadsheets in and out of the admin, through django-import-export.

Staff keep their lists in spreadsheets. A file is imported in two steps: the dry run checks
every row as the admin's form would (the model's full_clean: choices, slug rules, required
fields) and shows each row's errors; only a file without any error can be confirmed, and the
confirmation imports it in one transaction that is rolled back if a row fails after all.
Each confirmed import writes one trail entry (counts and the file's name, never a row's
contents). Exports go through the same formula rule as every other CSV (common.exports).

A ModelAdmin takes `SpreadsheetAdmin` first in its bases and names its `resource_classes`;
resources take `SpreadsheetResource` first in theirs.
"""

from django.conf import settings
from django.contrib import messages
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.results import RowResult
from import_export.tmp_storages import CacheStorage
from import_export.widgets import CharWidget, Widget

from common import trail
from common.exports import FORMULA_STARTS, csv_safe

# Dates are read and written as 2024-03-18, whatever the reader's language.
ISO_DATE = "%Y-%m-%d"
TEXT_FIELDS = (models.CharField, models.TextField)


def formula_unescaped(value):
    """The value as it was before csv_safe, so that an exported file imports back unchanged."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def translated(*names):
    """The columns of translated fields, one per language: name_en, name_fr, name_hy."""
    return [f"{name}_{code}" for name in names for code, _label in settings.LANGUAGES]


class TextWidget(CharWidget):
    """Text; an empty cell is NULL where the column allows it (empty translations)."""

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        return None if text == "" and not self.allow_blank else text


class ChoiceWidget(CharWidget):
    """A choice written as its code (HELD) or as its label in any of the site's languages
    (Held, Détenu, Պահվում է), in any case; exported as its code.

    A value that matches nothing is passed on as it is, so the model's own validation names it.
    """

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices

    @cached_property
    def _codes_by_spelling(self):
        spellings = {}
        for code, label in self.choices:
            spellings[str(code).casefold()] = code
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    spellings.setdefault(str(label).strip().casefold(), code)
        return spellings

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        text = "" if text is None else str(text).strip()
        return self._codes_by_spelling.get(text.casefold(), text)


class SpreadsheetResource:
    """Mixin for a ModelResource: formula-safe cells out, the same cells back in."""

    @classmethod
    def widget_from_django_field(cls, f, default=Widget):
        if f.choices:
            return ChoiceWidget
        if isinstance(f, TEXT_FIELDS):
            return TextWidget
        return super().widget_from_django_field(f, default)

    @classmethod
    def widget_kwargs_for_field(cls, field_name, django_field):
        kwargs = super().widget_kwargs_for_field(field_name, django_field)
        if isinstance(django_field, TEXT_FIELDS):
            # modeltranslation stores an empty translation as NULL: read an empty cell as
            # NULL there too, or every unchanged row would look changed.
            kwargs["allow_blank"] = not django_field.null
        if django_field.choices:
            kwargs["choices"] = django_field.choices
        elif isinstance(django_field, models.DateField) and not isinstance(
            django_field, models.DateTimeField
        ):
            kwargs.setdefault("format", ISO_DATE)
        return kwargs

    def export_field(self, field, instance, **kwargs):
        return csv_safe(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            row[column] = formula_unescaped(value)
        super().before_import_row(row, **kwargs)


class ShortLivedCacheStorage(CacheStorage):
    """The uploaded file between the dry run and the confirmation: in the shared cache, so
    any worker can confirm it, and gone after an hour even if nobody does (it holds names)."""

    CACHE_LIFETIME = 60 * 60


class SpreadsheetAdmin(ImportExportMixin):
    """Mixin for a ModelAdmin: import (dry run, then confirm) and export, CSV or Excel."""

    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    tmp_storage_class = ShortLivedCacheStorage

    def has_import_permission(self, request):
        # An import adds and changes records: it needs both rights, as the admin's forms do.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_resource_classes(self, request):
        """A resource with `holds_personal_data = True` only for those who may export
        personal data (PersonalDataAdmin's permission, the Privacy role)."""
        classes = super().get_export_resource_classes(request)
        may = getattr(self, "has_personal_data_permission", None)
        allowed = may is not None and may(request)
        return [c for c in classes if allowed or not getattr(c, "holds_personal_data", False)]

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # One bad row and nothing is saved, at the confirmation too (the file is read again).
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_dataset(self, dataset, form, request, **kwargs):
        file_name = kwargs.get("file_name") or form.cleaned_data.get("original_file_name")
        result = super().process_dataset(dataset, form, request, **kwargs)
        result.file_name = file_name or ""
        return result

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The file changed meaning since its dry run (another change in between):
            # everything was rolled back; say so, and send staff back to try again.
            errors = len(result.invalid_rows) + len(result.row_errors())
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d row has errors. Import the file again "
                    "to see them.",
                    "Nothing was imported: %(count)d rows have errors. Import the file again "
                    "to see them.",
                    errors,
                )
                % {"count": errors},
            )
            info = (self.opts.app_label, self.opts.model_name)
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*info)))
        totals = result.totals
        trail.record(
            request.user,
            "import",
            self.model,
            new=totals[RowResult.IMPORT_TYPE_NEW],
            updated=totals[RowResult.IMPORT_TYPE_UPDATE],
            skipped=totals[RowResult.IMPORT_TYPE_SKIP],
            errors=totals[RowResult.IMPORT_TYPE_ERROR] + totals[RowResult.IMPORT_TYPE_INVALID],
            file=getattr(result, "file_name", "")[:200],
        )
        return super().process_result(result, request)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        data = super().get_export_data(file_format, request, queryset, **kwargs)
        trail.record(
            request.user,
            "export_spreadsheet",
            self.model,
            rows=len(queryset) if isinstance(queryset, list) else queryset.count(),
            format=file_format.get_title(),
        )
        return data

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            gettext("Imported %(model)s: %(new)d new, %(updated)d updated, %(skipped)d unchanged.")
            % {
                "model": self.opts.verbose_name_plural,
                "new": totals[RowResult.IMPORT_TYPE_NEW],
                "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
                "skipped": totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )
