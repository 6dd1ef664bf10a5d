from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from campaign.forms import EventAdminForm, NewsItemAdminForm
from campaign.models import (
    Event,
    Follower,
    LetterTemplate,
    NewsItem,
    Organisation,
    Page,
    Petition,
    Signature,
)
from common import jobs
from common.admin import AnyLanguageAdmin
from common.exports import local_time, streaming_csv
from common.languages import InLanguage
from common.privacy import PersonalDataAdmin, privacy_actions


@admin.register(Page)
class PageAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    list_display = ["title", "slug", "updated_at"]


@admin.register(Organisation)
class OrganisationAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    list_display = ["name", "contact_name", "email", "order"]
    list_editable = ["order"]
    # Say the scheme now, as Django 6 will: no deprecation warning on this page.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(NewsItem)
class NewsItemAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    form = NewsItemAdminForm
    list_display = ["title", "kind", "published_at", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["title", "summary"]
    slug_from = "title"
    autocomplete_fields = ["detainees"]
    date_hierarchy = "published_at"


@admin.register(Event)
class EventAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    form = EventAdminForm
    # The zone first: the times below are read in it.
    fields = [
        "slug",
        "kind",
        "title",
        "description",
        "time_zone",
        "starts_at",
        "ends_at",
        "place",
        "city",
        "country",
        "detainees",
        "sponsors",
        "published",
    ]
    list_display = ["title", "kind", "when", "city", "country", "published"]
    list_filter = ["kind", "published", "country"]
    search_fields = ["title", "city"]
    slug_from = "title"
    autocomplete_fields = ["detainees"]
    date_hierarchy = "starts_at"

    @admin.display(description=_("when"), ordering="starts_at")
    def when(self, obj):
        # As the event's own clock reads, with the zone's city: the time people meet at.
        return render_to_string("campaign/_event_when.html", {"event": obj})


@admin.register(Petition)
class PetitionAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    list_display = ["title", "goal", "active", "created_at"]


@admin.action(description=_("Export the confirmed signatures as CSV"))
def export_confirmed_signatures(modeladmin, request, queryset):
    signatures = queryset.confirmed().select_related("petition").order_by("confirmed_at")
    header = ["petition", "name", "email", "country", "comment", "language", "confirmed"]
    rows = (
        [
            s.petition.title,
            s.name,
            s.email,
            s.get_country_display(),
            s.comment,
            s.language,
            local_time(s.confirmed_at),
            settings.TIME_ZONE,
        ]
        for s in signatures.iterator(chunk_size=2000)
    )
    stamp = timezone.localdate().isoformat()
    return streaming_csv(f"signatures-{stamp}.csv", [*header, "time_zone"], rows)


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.unconfirmed()
        return queryset


def erase_everywhere(email):
    return sum(jobs.erase_all(email).values())


# A signer or follower asking for erasure means every record of theirs, in every app.
PRIVACY_ACTIONS = privacy_actions(jobs.export_all, erase_everywhere, "email")


@admin.register(Signature)
class SignatureAdmin(PersonalDataAdmin, admin.ModelAdmin):
    list_display = ["name", "email", "country", "petition", "created_at", "confirmed_at"]
    list_filter = [ConfirmedFilter, "petition", "country", "language"]
    search_fields = ["name", "email"]
    readonly_fields = ["confirmed_at", "created_at"]
    actions = [export_confirmed_signatures, *PRIVACY_ACTIONS]
    list_select_related = ["petition"]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = [
        "country",
        "language",
        "recipient_name",
        "subject_in_its_language",
        "updated_at",
        "missing_translations",
    ]
    list_filter = ["country", "language"]
    search_fields = ["recipient_name", "subject"]

    def get_queryset(self, request):
        # Whether the letter's country has one in each language, in the list's one query.
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    f"country_has_{code}": Exists(
                        LetterTemplate.objects.filter(country=OuterRef("country"), language=code)
                    )
                    for code, _name in settings.LANGUAGES
                }
            )
        )

    @admin.display(description=_("subject"), ordering="subject")
    def subject_in_its_language(self, obj):
        # Written in the letter's language, whatever the list's: marked so for screen readers.
        return InLanguage(obj.subject, obj.language).marked

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        """The languages this letter's country has no letter in: every country needs three."""
        missing = [
            str(name)
            for code, name in settings.LANGUAGES
            if not getattr(obj, f"country_has_{code}", True)
        ]
        return ", ".join(missing) or "—"


@admin.register(Follower)
class FollowerAdmin(PersonalDataAdmin, admin.ModelAdmin):
    list_display = ["email", "detainee", "language", "created_at", "confirmed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    readonly_fields = ["confirmed_at", "created_at"]
    list_select_related = ["detainee"]
    actions = PRIVACY_ACTIONS
    raw_id_fields = ["detainee"]
