from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from campaign import pdf, services
from campaign.forms import EventAdminForm, NewsItemAdminForm
from campaign.models import (
    DecisionMaker,
    Event,
    Follower,
    LetterTemplate,
    MessageBundle,
    NewsItem,
    Organisation,
    Page,
    Petition,
    Signature,
    SocialAccount,
    SolidarityMessage,
    Subscriber,
)
from common import jobs, trail
from common.actions import confirmed_action
from common.admin import AnyLanguageAdmin, TrailAdmin
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


@admin.register(SocialAccount)
class SocialAccountAdmin(admin.ModelAdmin):
    list_display = ["network", "handle", "url", "order"]
    list_editable = ["order"]
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
    readonly_fields = ["emailed_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Once the item is saved and committed: it goes now if it is published, else the
        # email_news command sends it when its time comes.
        transaction.on_commit(lambda: self.email_news(request))

    def email_news(self, request):
        for item, count in services.email_news():
            trail.record(request.user, "email_news", item, recipients=count)
            self.message_user(
                request,
                ngettext(
                    "“%(title)s” was queued for %(count)d subscriber.",
                    "“%(title)s” was queued for %(count)d subscribers.",
                    count,
                )
                % {"title": item.title, "count": count},
                messages.SUCCESS,
            )


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


@admin.register(DecisionMaker)
class DecisionMakerAdmin(TabbedTranslationAdmin):
    list_display = ["name", "country", "kind", "email", "active", "order", "letters_opened"]
    list_filter = ["country", "kind", "active"]
    list_editable = ["active", "order"]
    search_fields = ["name", "title", "postal_address", "email"]

    def get_queryset(self, request):
        # The visitors' presses, summed in the list's one query.
        return super().get_queryset(request).annotate(opened=Sum("letters_opened__count"))

    @admin.display(description=_("letters opened"), ordering="opened")
    def letters_opened(self, obj):
        return obj.opened or 0


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = [
        "country",
        "recipient_kind",
        "language",
        "recipient_name",
        "subject_in_its_language",
        "updated_at",
        "missing_translations",
    ]
    list_filter = ["country", "recipient_kind", "language"]
    search_fields = ["recipient_name", "subject"]

    def get_queryset(self, request):
        # Whether the letter's country has one in each language, in the list's one query.
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    f"country_has_{code}": Exists(
                        LetterTemplate.objects.filter(
                            country=OuterRef("country"),
                            recipient_kind=OuterRef("recipient_kind"),
                            language=code,
                        )
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


@admin.register(Subscriber)
class SubscriberAdmin(PersonalDataAdmin, admin.ModelAdmin):
    list_display = ["email", "language", "created_at", "confirmed_at"]
    list_filter = ["language", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    readonly_fields = ["email", "language", "confirmed_at", "created_at"]
    actions = PRIVACY_ACTIONS

    def has_add_permission(self, request):
        return False  # an address joins only by confirming it itself


@admin.register(Follower)
class FollowerAdmin(PersonalDataAdmin, admin.ModelAdmin):
    list_display = ["email", "detainee", "language", "created_at", "confirmed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    readonly_fields = ["confirmed_at", "created_at"]
    list_select_related = ["detainee"]
    actions = PRIVACY_ACTIONS
    raw_id_fields = ["detainee"]


# Messages of solidarity


def moderation_action(status, description, question):
    """A bulk action that approves or rejects confirmed messages, after a confirmation page
    that shows each message (common.actions), one trail entry per message moderated."""

    def waiting(queryset):
        # Unconfirmed messages are nobody's yet: the writer has not proven their address.
        return queryset.exclude(status=SolidarityMessage.Status.PENDING_CONFIRMATION)

    def context(modeladmin, request, queryset):
        to_moderate = waiting(queryset)
        return {
            "messages_to_moderate": to_moderate.select_related("detainee"),
            "count": to_moderate.count(),
            "unconfirmed": queryset.count() - to_moderate.count(),
        }

    @confirmed_action(
        description=description,
        question=question,
        permissions=["change"],
        template="admin/campaign/solidaritymessage/moderate_confirmation.html",
        context=context,
    )
    def action(modeladmin, request, queryset, reason):
        moderated = list(waiting(queryset).exclude(status=status))
        count = waiting(queryset).moderate(status)
        trail.record_each(request.user, f"mark_{status.lower()}", moderated, reason=reason)
        modeladmin.message_user(
            request,
            ngettext("%(count)d message moderated.", "%(count)d messages moderated.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status.lower()}"
    return action


approve_messages = moderation_action(
    SolidarityMessage.Status.APPROVED,
    _("Approve the selected messages"),
    _("Approve these messages?"),
)
reject_messages = moderation_action(
    SolidarityMessage.Status.REJECTED,
    _("Reject the selected messages"),
    _("Reject these messages?"),
)


@confirmed_action(
    description=_("Make a printable bundle per detainee"),
    question=_("Put these messages into printable bundles?"),
    permissions=["change"],
)
def make_bundles(modeladmin, request, queryset, reason):
    """Put the approved messages of the selection that are in no bundle yet into one new
    bundle per detainee; each bundle's PDF is on the bundles' list."""
    chosen = queryset.approved().filter(bundle__isnull=True)
    trail.record_each(request.user, "make_bundles", chosen, reason=reason)
    made = 0
    with transaction.atomic():
        for detainee_id in chosen.order_by().values_list("detainee_id", flat=True).distinct():
            bundle = MessageBundle.objects.create(detainee_id=detainee_id)
            chosen.filter(detainee_id=detainee_id).update(bundle=bundle)
            made += 1
    if not made:
        modeladmin.message_user(
            request,
            _("No bundle made: the selection has no approved message that is not yet in a bundle."),
            messages.WARNING,
        )
        return None
    modeladmin.message_user(
        request,
        ngettext("%(count)d bundle made.", "%(count)d bundles made.", made) % {"count": made},
        messages.SUCCESS,
    )
    return redirect("admin:campaign_messagebundle_changelist")


class MessageStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return SolidarityMessage.Status.choices

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


@admin.register(SolidarityMessage)
class SolidarityMessageAdmin(TrailAdmin, PersonalDataAdmin, admin.ModelAdmin):
    list_display = [
        "short_text",
        "detainee",
        "first_name",
        "city",
        "language",
        "consent_public",
        "status",
        "created_at",
        "bundle",
    ]
    list_filter = [
        MessageStatusFilter,
        "language",
        ("detainee", admin.RelatedOnlyFieldListFilter),
        "consent_public",
    ]
    search_fields = ["text", "first_name", "city", "email"]
    list_select_related = ["detainee", "bundle__detainee"]
    # The writer's words are theirs: staff approve or reject them, never rewrite them.
    readonly_fields = [
        "detainee",
        "text",
        "language",
        "first_name",
        "city",
        "email",
        "consent_public",
        "created_at",
        "confirmed_at",
        "moderated_at",
    ]
    fields = [*readonly_fields, "status", "bundle"]
    actions = [approve_messages, reject_messages, make_bundles, *PRIVACY_ACTIONS]

    def has_add_permission(self, request):
        return False  # written by supporters only

    @admin.display(description=pgettext_lazy("solidarity", "message"))
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 80 else obj.text[:79] + "…"

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)


@confirmed_action(
    description=_("Mark as delivered today"),
    question=_("Mark these bundles as delivered today?"),
    permissions=["change"],
    trail_action="mark_delivered",
)
def mark_delivered(modeladmin, request, queryset, reason):
    count = queryset.filter(delivered_on__isnull=True).update(delivered_on=timezone.localdate())
    modeladmin.message_user(
        request,
        ngettext("%(count)d bundle marked delivered.", "%(count)d bundles marked delivered.", count)
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(MessageBundle)
class MessageBundleAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "detainee",
        "created_at",
        "message_count",
        "delivered_on",
        "delivered_via",
        "pdf_link",
    ]
    list_filter = ["delivered_via", ("delivered_on", admin.EmptyFieldListFilter)]
    list_select_related = ["detainee"]
    fields = ["detainee", "created_at", "delivered_on", "delivered_via", "note"]
    readonly_fields = ["detainee", "created_at"]
    actions = [mark_delivered]

    def has_add_permission(self, request):
        return False  # made from the messages' list, "Make a printable bundle"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(message_total=Count("messages"))

    @admin.display(description=pgettext_lazy("solidarity", "messages"), ordering="message_total")
    def message_count(self, obj):
        return obj.message_total

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        url = reverse("admin:campaign_messagebundle_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the PDF"))

    def get_urls(self):
        return [
            path(
                "<int:pk>/pdf/",
                self.admin_site.admin_view(self.pdf_view),
                name="campaign_messagebundle_pdf",
            ),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk):
        bundle = get_object_or_404(MessageBundle.objects.select_related("detainee"), pk=pk)
        if not self.has_view_permission(request, bundle):
            raise PermissionDenied
        # Only what is still approved: a message erased or rejected since is not printed.
        content = pdf.bundle_pdf(
            bundle.detainee,
            bundle.messages.approved().order_by("created_at", "pk"),
            made_on=timezone.localtime(bundle.created_at).date(),
        )
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="messages-{bundle.pk}.pdf"'
        return response
