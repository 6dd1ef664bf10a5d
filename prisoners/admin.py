from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationAdmin,
    TranslationStackedInline,
)
from simple_history.admin import SimpleHistoryAdmin

from common import trail
from common.actions import confirmed_action
from common.admin import AnyLanguageAdmin, TrailAdmin
from common.history import ReadableHistoryAdmin
from common.imports import SpreadsheetAdmin
from common.languages import InLanguage
from common.privacy import PersonalDataAdmin, privacy_actions
from common.storage import private_file_response
from prisoners import printing, privacy
from prisoners.forms import DetaineeAdminForm
from prisoners.models import (
    CampaignFigure,
    Category,
    CorrectionRequest,
    Detainee,
    DetaineeSource,
    Source,
    Status,
    TimelineEvent,
    Visibility,
)
from prisoners.resources import DetaineeResource, TimelineEventResource


class TimelineEventInline(TranslationStackedInline):
    model = TimelineEvent
    extra = 0
    autocomplete_fields = ["source"]
    # A line or two per event: three rows, not Django's ten, in each language.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}


class SourceInline(admin.TabularInline):
    model = DetaineeSource
    extra = 0
    # Each source says which fact it backs: the profile shows it next to that fact.
    fields = ["source", "fact"]
    autocomplete_fields = ["source"]
    verbose_name = _("source")
    verbose_name_plural = _("sources behind this profile")


# The sections of the detainee form that apply to some categories only: the forcibly
# disappeared have no trial (their detention is denied), the others are not "last seen".
SECTION_CATEGORIES = {
    "disappearance": [Category.DISAPPEARED],
    "legal": [Category.POW, Category.CIVILIAN, Category.POLITICAL_LEADER],
}


@admin.register(Detainee)
class DetaineeAdmin(
    SpreadsheetAdmin,
    TrailAdmin,
    ReadableHistoryAdmin,
    AnyLanguageAdmin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    history_related = ["timeline"]
    resource_classes = [DetaineeResource]
    form = DetaineeAdminForm
    list_display = [
        "name",
        "category",
        "status",
        "visibility",
        "featured",
        "captured_on",
        "last_seen_on",
    ]
    list_filter = ["category", "status", "visibility", "featured"]
    search_fields = ["name", "name_en", "name_fr", "name_hy", "slug", "search_text"]
    # Staff see real names in order; public lists sort by public_sort_name. No slug
    # prepopulated from the name: save() makes the address, random for limited records.
    ordering = ["name"]
    readonly_fields = ["photo_preview", "photo_for_print"]
    inlines = [TimelineEventInline, SourceInline]
    exclude = ["sources"]
    actions = ["mark_released"]
    # Sections by task, in the order a volunteer fills a profile in. A section that applies
    # to some categories only (see SECTION_CATEGORIES) is hidden for the others, on the server
    # by get_fieldsets() and live in the browser (static/js/admin_detainee_form.js); its
    # fields stay in the form, so what they hold is kept, and none of them is required.
    fieldsets = [
        (
            _("Identity"),
            {
                "fields": [
                    "name",
                    "category",
                    "sex",
                    ("birth_date", "birth_year"),
                    "hometown",
                    "slug",
                ]
            },
        ),
        (
            _("Status and detention"),
            {
                "fields": [
                    "status",
                    "place_of_detention",
                    ("released_on", "died_on"),
                    "print_after_release",
                ]
            },
        ),
        (
            _("Capture"),
            {"fields": ["captured_on", "capture_place", "capture_circumstances"]},
        ),
        (
            _("Disappearance"),
            {
                "fields": ["last_seen_on", "last_seen_place", "detention_acknowledged"],
                "classes": ["section-disappearance"],
            },
        ),
        (
            _("Charges and sentence"),
            {
                "fields": ["charges", "criminal_code_articles", "sentence"],
                "classes": ["section-legal"],
            },
        ),
        (
            _("ICRC and European Court of Human Rights"),
            {
                "fields": [
                    "icrc_registered",
                    "echr_application_number",
                    "echr_interim_measures",
                ],
                "classes": ["collapse"],
            },
        ),
        (
            _("Biography and photo"),
            {
                "fields": [
                    "biography",
                    "photo",
                    "photo_preview",
                    "photo_for_print",
                    "photo_credit",
                    "photo_alt",
                ]
            },
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "visibility",
                    "featured",
                    "consent_given_by",
                    "consent_given_on",
                    "consent_scope",
                ],
                "description": _(
                    "Who sees this profile, and the consent it rests on. Publish only what "
                    "a source supports: list the sources (court records, the ICRC, human-"
                    "rights organisations, established media) under Sources of the profile "
                    "at the bottom of the page. A limited profile never shows them."
                ),
            },
        ),
        (
            _("Private: never published"),
            {"fields": ["family_contact", "internal_notes"], "classes": ["collapse"]},
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        """The sections, those that do not apply to the category hidden (the script shows
        them again when staff change the category). The category is the one typed when the
        form comes back with errors, else the record's."""
        category = request.POST.get("category") if request.method == "POST" else None
        if category is None:
            category = obj.category if obj else request.GET.get("category", "")
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            classes = list(options.get("classes", []))
            for section, categories in SECTION_CATEGORIES.items():
                if f"section-{section}" in classes:
                    classes.append("applies-" + " applies-".join(categories))
                    if category not in categories:
                        classes.append("hidden")
            fieldsets.append((name, {**options, "classes": classes}))
        return fieldsets

    def render_change_form(self, request, context, *args, **kwargs):
        # A section hidden for the category still shows when one of its fields has an error
        # (a date typed before the category changed): an error nobody can see cannot be fixed.
        adminform = context.get("adminform")
        if adminform is not None and adminform.form.errors:
            errors = adminform.form.errors.keys()
            shown = []
            for name, options in adminform.fieldsets:
                classes = options.get("classes", [])
                if "hidden" in classes and errors & set(flatten(options["fields"])):
                    options = {**options, "classes": [c for c in classes if c != "hidden"]}
                shown.append((name, options))
            adminform.fieldsets = shown
        return super().render_change_form(request, context, *args, **kwargs)

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
        # admin_view: staff only, CSRF-checked, never cached (Cache-Control: private, no-store).
        preview = self.admin_site.admin_view(require_POST(self.preview_view))
        previews = [
            path("preview/", preview, name="prisoners_detainee_preview_add"),
            path("<int:pk>/preview/", preview, name="prisoners_detainee_preview"),
        ]
        return [photo, *previews, *super().get_urls()]

    def preview_view(self, request, pk=None):
        """The public profile as the form's unsaved data would make it, in the admin's language.

        Nothing is written: the form's instance is filled in memory and never saved (no
        history row, no page-cache drop, no photo copy); the upload, if any, is left out.
        A HIDDEN record is shown as it will look once public, and says so.
        """
        obj = get_object_or_404(Detainee, pk=pk) if pk is not None else None
        allowed = (
            self.has_change_permission(request, obj)
            if obj is not None
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        form_class = self.get_form(request, obj, change=obj is not None)
        # No request.FILES: an upload is checked and stored by a save, not by a preview.
        form = form_class(request.POST, instance=obj)
        valid = form.is_valid()  # fills form.instance, in memory only
        detainee = form.instance
        hidden = not detainee.is_listed
        if hidden:
            detainee.visibility = Visibility.PUBLIC  # this object is never saved
        if not detainee.slug:
            detainee.slug = "preview"  # links need one; save() makes the real address
        view = detainee.public_view()
        photo_url = None
        if obj is not None and obj.photo and not detainee.is_limited:
            photo_url = reverse("admin:prisoners_detainee_photo", args=[obj.pk])
        context = {
            "detainee": view,
            "timeline": view.timeline if obj is not None else [],
            "sources": view.sources if obj is not None else [],
            "share_url": "",
            "share_image_url": "",
            "preview": True,
            "preview_hidden": hidden,
            "preview_errors": not valid,
            "preview_photo_url": photo_url,
        }
        response = TemplateResponse(request, "prisoners/preview.html", context)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def photo_view(self, request, pk):
        detainee = get_object_or_404(Detainee, pk=pk)
        if not self.has_view_permission(request, detainee):
            raise PermissionDenied
        if not detainee.photo:
            raise Http404
        return private_file_response(detainee.photo, detainee.photo.name, as_attachment=False)

    @confirmed_action(
        description=_("Mark as released today"),
        question=_("Mark these people as released today?"),
        permissions=["change"],
    )
    def mark_released(self, request, queryset, reason):
        today = timezone.localdate()
        marked = []
        with transaction.atomic():
            for detainee in queryset.exclude(status=Status.RELEASED).select_for_update():
                detainee.status = Status.RELEASED
                detainee.released_on = today
                detainee.save(update_fields=["status", "released_on", "updated_at"])
                TimelineEvent.objects.create(
                    detainee=detainee, date=today, kind=TimelineEvent.Kind.RELEASED
                )
                marked.append(detainee)
            # Only those it changed, with the reason typed on the confirmation page.
            trail.record_each(
                request.user, "mark_released", marked, reason=reason, new=str(Status.RELEASED)
            )
        count = len(marked)
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
        return self.after_status_change(request, marked, Status.RELEASED)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "status" in form.changed_data:
            trail.record(
                request.user,
                "change_status",
                obj,
                old=form.initial.get("status"),
                new=str(obj.status),
            )
            request._after_status_change = self.after_status_change(request, [obj], obj.status)

    def response_change(self, request, obj):
        # After a status change, the page where staff confirm what follows (if any).
        return getattr(request, "_after_status_change", None) or super().response_change(
            request, obj
        )

    def after_status_change(self, request, detainees, status):
        """Let the apps above react to people's new status (sponsorships proposes ending
        theirs); the first hook that answers with an address is where staff go next."""
        for hook in STATUS_CHANGE_HOOKS:
            url = hook(request, detainees, status) if detainees else None
            if url:
                return HttpResponseRedirect(url)
        return None


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
    list_display = ["__str__", "low", "high", "as_of", "source_in_its_language", "order"]

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


# hook(request, detainees, status) -> an admin address or None; see after_status_change.
STATUS_CHANGE_HOOKS = []


def register_status_change_hook(hook):
    """Called when staff change people's status (the "mark released" action, the form), by
    an app above that owns what follows, in its AppConfig.ready."""
    if hook not in STATUS_CHANGE_HOOKS:
        STATUS_CHANGE_HOOKS.append(hook)


def register_detainee_list_filter(list_filter):
    """Add a filter to the detainee list from an app above (sponsorships: "sponsored"), which
    owns the relation it filters on, in its AppConfig.ready."""
    if list_filter not in DetaineeAdmin.list_filter:
        DetaineeAdmin.list_filter = [*DetaineeAdmin.list_filter, list_filter]
