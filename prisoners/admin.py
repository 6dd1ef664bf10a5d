from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from common.admin import AnyLanguageAdmin, TrailAdmin
from common.imports import SpreadsheetAdmin
from common.languages import InLanguage
from common.privacy import PersonalDataAdmin, privacy_actions
from common.storage import private_file_response
from prisoners import printing, privacy
from prisoners.forms import DetaineeAdminForm
from prisoners.models import (
    CampaignFigure,
    CorrectionRequest,
    Detainee,
    DetaineeSource,
    Source,
    Status,
    TimelineEvent,
)
from prisoners.resources import DetaineeResource, TimelineEventResource


class TimelineEventInline(TranslationStackedInline):
    model = TimelineEvent
    extra = 0
    autocomplete_fields = ["source"]


class SourceInline(admin.TabularInline):
    model = DetaineeSource
    extra = 0
    autocomplete_fields = ["source"]
    verbose_name = _("source")
    verbose_name_plural = _("sources behind this profile")


@admin.register(Detainee)
class DetaineeAdmin(
    SpreadsheetAdmin, TrailAdmin, AnyLanguageAdmin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    resource_classes = [DetaineeResource]
    form = DetaineeAdminForm
    list_display = ["name", "category", "status", "visibility", "captured_on", "last_seen_on"]
    list_filter = ["category", "status", "visibility"]
    search_fields = ["name", "name_en", "name_fr", "name_hy", "slug", "search_text"]
    # Staff see real names in order; public lists sort by public_sort_name. No slug
    # prepopulated from the name: save() makes the address, random for limited records.
    ordering = ["name"]
    readonly_fields = ["photo_preview", "photo_for_print"]
    inlines = [TimelineEventInline, SourceInline]
    exclude = ["sources"]
    actions = ["mark_released"]
    fieldsets = [
        (None, {"fields": ["slug", "name", "category", "status", "visibility"]}),
        (_("Person"), {"fields": ["sex", "birth_date", "birth_year", "hometown", "biography"]}),
        (
            _("Photo"),
            {
                "fields": [
                    "photo",
                    "photo_preview",
                    "photo_for_print",
                    "photo_credit",
                    "photo_alt",
                ]
            },
        ),
        (
            _("Capture and detention"),
            {
                "fields": [
                    "captured_on",
                    "capture_place",
                    "capture_circumstances",
                    "charges",
                    "criminal_code_articles",
                    "sentence",
                    "place_of_detention",
                    "icrc_registered",
                    "echr_application_number",
                    "echr_interim_measures",
                    "released_on",
                    "died_on",
                    "print_after_release",
                ]
            },
        ),
        (
            _("Forcibly disappeared"),
            {"fields": ["last_seen_on", "last_seen_place", "detention_acknowledged"]},
        ),
        (
            _("Private: never published"),
            {
                "fields": [
                    "consent_given_by",
                    "consent_given_on",
                    "consent_scope",
                    "family_contact",
                    "internal_notes",
                ]
            },
        ),
    ]

    @admin.display(description=_("preview"))
    def photo_preview(self, obj):
        if not obj.photo:
            return "—"
        # The original, through the view below: a HIDDEN record's photo has no public copy.
        return format_html(
            '<img src="{}" width="240" alt="">',
            reverse("admin:prisoners_detainee_photo", args=[obj.pk]),
        )

    @admin.display(description=_("photo for print"))
    def photo_for_print(self, obj):
        return printing.photo_warning(obj) if obj and obj.pk else "—"

    def get_urls(self):
        photo = path(
            "<int:pk>/photo/",
            self.admin_site.admin_view(self.photo_view),
            name="prisoners_detainee_photo",
        )
        return [photo, *super().get_urls()]

    def photo_view(self, request, pk):
        detainee = get_object_or_404(Detainee, pk=pk)
        if not self.has_view_permission(request, detainee):
            raise PermissionDenied
        if not detainee.photo:
            raise Http404
        return private_file_response(detainee.photo, detainee.photo.name, as_attachment=False)

    @admin.action(description=_("Mark as released today"), permissions=["change"])
    def mark_released(self, request, queryset):
        today = timezone.localdate()
        count = 0
        with transaction.atomic():
            for detainee in queryset.exclude(status=Status.RELEASED).select_for_update():
                detainee.status = Status.RELEASED
                detainee.released_on = today
                detainee.save(update_fields=["status", "released_on", "updated_at"])
                TimelineEvent.objects.create(
                    detainee=detainee, date=today, kind=TimelineEvent.Kind.RELEASED
                )
                count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d person marked as released.",
                "%(count)d people marked as released.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(TimelineEvent)
class TimelineEventAdmin(
    SpreadsheetAdmin, AnyLanguageAdmin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    """Events are edited on their detainee's page; this list is where they are imported,
    exported and looked through across detainees."""

    resource_classes = [TimelineEventResource]
    list_display = ["date", "detainee", "kind"]
    list_filter = ["kind"]
    list_select_related = ["detainee"]
    search_fields = ["detainee__name_en", "detainee__name_fr", "detainee__name_hy", "text"]
    autocomplete_fields = ["detainee", "source"]
    date_hierarchy = "date"


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    # Say the scheme now, as Django 6 will: no deprecation warning on this page.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title_in_its_language", "publisher", "published_on", "reliability"]
    list_filter = ["reliability"]
    search_fields = ["title", "publisher", "url"]

    @admin.display(description=_("title"), ordering="title")
    def title_in_its_language(self, obj):
        return InLanguage(obj.title, obj.language).marked


@admin.register(CampaignFigure)
class CampaignFigureAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    list_display = ["label", "low", "high", "as_of", "source_in_its_language", "order"]

    @admin.display(description=_("source"), ordering="source__title")
    def source_in_its_language(self, obj):
        return str(obj.source).marked if obj.source else "—"


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(TrailAdmin, PersonalDataAdmin, admin.ModelAdmin):
    list_display = ["detainee", "created_at", "name", "email", "handled"]
    list_filter = ["handled"]
    list_editable = ["handled"]
    search_fields = ["detainee__name", "what_is_wrong", "evidence", "name", "email"]
    readonly_fields = ["detainee", "what_is_wrong", "evidence", "name", "email", "created_at"]
    actions = privacy_actions(privacy.export, privacy.erase, "email")
    date_hierarchy = "created_at"


def register_detainee_list_filter(list_filter):
    """Add a filter to the detainee list from an app above (sponsorships: "sponsored"), which
    owns the relation it filters on, in its AppConfig.ready."""
    if list_filter not in DetaineeAdmin.list_filter:
        DetaineeAdmin.list_filter = [*DetaineeAdmin.list_filter, list_filter]
