"""History pages (django-simple-history) that staff can read, in their language.

    class DetaineeAdmin(ReadableHistoryAdmin, ..., SimpleHistoryAdmin, ...):
        history_related = ["timeline"]

- each change is one line per field, named by the field's label; a translated field is named
  once per language ("Name (Armenian)"), never also as its untranslated twin;
- values are shown as staff read them: a choice by its label ("Held → Released"), a date in the
  reader's format, yes/no, "—" for nothing, long texts shortened;
- `history_related` names reverse relations whose models keep a history too (a detainee's
  timeline events): their changes are listed on the parent's history page;
- the revert screen shows, before anything runs, what the revert will change (now → then).
"""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from simple_history.template_utils import HistoricalRecordContextHelper

SHORTEN_TO = 120
# How many changes of related records a history page lists (newest first).
RELATED_SHOWN = 100


def translated_twins(model):
    """Names of the untranslated fields modeltranslation mirrors in name_en, name_fr…: their
    history repeats one of the languages, unnamed, so it is not shown."""
    return {
        field.translated_field.name
        for field in model._meta.get_fields()
        if getattr(field, "translated_field", None) is not None
    }


def field_label(model, name):
    field = model._meta.get_field(name)
    translated = getattr(field, "translated_field", None)
    if translated is not None:
        language = get_language_info(field.language)["name_translated"]
        return f"{capfirst(translated.verbose_name)} ({language})"
    return capfirst(field.verbose_name)


def readable_value(field, value):
    """A stored value as a staff member reads it."""
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, list):  # many-to-many: the related objects' values
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(field, models.FileField):
        return str(getattr(value, "name", value)).rsplit("/", 1)[-1]
    return Truncator(str(value)).chars(SHORTEN_TO)


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    def format_delta_change(self, change):
        field = self.model._meta.get_field(change.field)
        return type(change)(
            field=field_label(self.model, change.field),
            old=readable_value(field, change.old),
            new=readable_value(field, change.new),
        )


def readable_changes(model, newer, older):
    """[{field, old, new}] from `older` to `newer` (historical records), readably."""
    delta = newer.diff_against(
        older, excluded_fields=translated_twins(model), foreign_keys_are_objs=True
    )
    return ReadableHistoryHelper(model, newer).context_for_delta_changes(delta)


class ReadableHistoryAdmin:
    """Mixin for a SimpleHistoryAdmin (see the module's docstring)."""

    history_related = ()

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        previous = None
        for current in historical_records:
            if previous is not None:
                previous.history_delta_changes = readable_changes(self.model, previous, current)
            previous = current

    def related_history(self, obj):
        """The changes of related records (newest first): (record's model, historical record,
        changes), one query per relation, the diffs made in memory."""
        rows = []
        for name in self.history_related:
            relation = self.model._meta.get_field(name)
            model = relation.related_model
            records = list(
                model.history.filter(**{relation.field.attname: obj.pk})
                .select_related("history_user")
                .order_by("-history_date", "-history_id")[:RELATED_SHOWN]
            )
            # Each record's previous version, when it is among those read.
            older, key = {}, model._meta.pk.attname  # a historical record's pk is history_id
            for record in reversed(records):
                record.previous_version = older.get(getattr(record, key))
                older[getattr(record, key)] = record
            for record in records:
                if record.history_type == "~" and record.previous_version is not None:
                    changes = readable_changes(model, record, record.previous_version)
                else:
                    changes = []
                rows.append((model, record, changes))
        rows.sort(key=lambda row: row[1].history_date, reverse=True)
        return rows

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        related = self.related_history(obj) if obj is not None else []
        extra = {
            "related_history": [
                {
                    "kind": capfirst(model._meta.verbose_name),
                    "record": record,
                    "object": record.instance,
                    "changes": changes,
                }
                for model, record, changes in related
            ],
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """The revert screen, with what the revert will change: now → that version."""
        extra = dict(extra_context or {})
        # On the history, `pk` is the version's number: the record's own is its attname.
        versions = self.model.history.filter(**{self.model._meta.pk.attname: object_id})
        version = versions.filter(history_id=version_id).first()
        latest = versions.order_by("-history_date", "-history_id").first()
        if version is not None and latest is not None:
            extra["revert_changes"] = (
                readable_changes(self.model, version, latest)
                if latest.history_id != version.history_id
                else []
            )
        return super().history_form_view(request, object_id, version_id, extra)
