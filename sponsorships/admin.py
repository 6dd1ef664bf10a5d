from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from common.admin import AnyLanguageAdmin, TrailAdmin
from common.imports import SpreadsheetAdmin
from common.languages import shown
from common.privacy import PersonalDataAdmin, privacy_actions
from prisoners import printing
from sponsorships import privacy, services, views
from sponsorships.forms import DecisionForm, EndForm, SigningForm
from sponsorships.models import Commitment, Sponsor, Sponsorship
from sponsorships.resources import SponsorContactResource, SponsorResource


class SponsorAdminForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Sponsor
        fields = [
            "kind",
            "name",
            "country",
            "city",
            "logo",
            "website",
            "public_consent",
            "contact_name",
            "email",
            "phone",
            "language",
        ]


class EmailConfirmedFilter(admin.SimpleListFilter):
    title = _("e-mail confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(sponsor__email_confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(sponsor__email_confirmed_at__isnull=True)
        return queryset


class SponsoredFilter(admin.SimpleListFilter):
    """Sponsored or not, on the detainee list (registered in SponsorshipsConfig.ready)."""

    title = _("sponsored")
    parameter_name = "sponsored"
    ACTIVE_SPONSORSHIP = {"sponsorships__status": Sponsorship.Status.ACTIVE}

    def lookups(self, request, model_admin):
        return [("yes", _("Sponsored")), ("no", _("Not sponsored"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(**self.ACTIVE_SPONSORSHIP).distinct()
        if self.value() == "no":
            return queryset.exclude(**self.ACTIVE_SPONSORSHIP)
        return queryset


class SponsorshipInline(admin.TabularInline):
    model = Sponsorship
    fields = ["detainee", "status", "signed_on", "ended_on"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Sponsor)
class SponsorAdmin(
    SpreadsheetAdmin, TrailAdmin, AnyLanguageAdmin, PersonalDataAdmin, TabbedTranslationAdmin
):
    # Without contact details for Editors' exports; with them for imports and Privacy.
    resource_classes = [SponsorResource, SponsorContactResource]
    form = SponsorAdminForm
    list_display = ["name", "kind", "country", "city", "public_consent", "email_confirmed_at"]
    list_filter = ["kind", "country", "public_consent"]
    search_fields = [
        *(f"{field}_{code}" for field in ("name", "city") for code in ("en", "fr", "hy")),
        "contact_name",
        "email",
    ]
    # The account is linked only by approval, to one that verified the sponsor's address.
    readonly_fields = ["user", "email_confirmed_at", "created_at"]
    actions = privacy_actions(privacy.export, privacy.erase, "email")
    inlines = [SponsorshipInline]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "name", "country", "city", "logo", "website", "public_consent"]},
        ),
        (
            _("Private"),
            {
                "fields": [
                    "contact_name",
                    "email",
                    "phone",
                    "language",
                    "user",
                    "email_confirmed_at",
                    "created_at",
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The address the sponsor confirmed is the one approval links an account to.
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.email_confirmed_at is not None:
            return [*fields, "email"]
        return fields


@admin.register(Commitment)
class CommitmentAdmin(AnyLanguageAdmin, TabbedTranslationAdmin):
    list_display = ["title", "group", "order", "active"]
    list_filter = ["group", "active"]
    list_editable = ["order", "active"]


@admin.register(Sponsorship)
class SponsorshipAdmin(TrailAdmin, AnyLanguageAdmin, TabbedTranslationAdmin):
    list_display = [
        "sponsor",
        "sponsor_kind",
        "target",
        "status",
        "email_confirmed",
        "signed_on",
        "created_at",
    ]
    list_filter = ["status", "sponsor__kind", "sponsor__country", EmailConfirmedFilter]
    list_select_related = ["sponsor", "detainee"]
    search_fields = ["sponsor__name", "sponsor__email", "detainee__name"]
    raw_id_fields = ["sponsor"]
    filter_horizontal = ["commitments"]
    readonly_fields = [
        "status",
        "decision_message",
        "signed_on",
        "place_of_signing",
        "signed_agreement",
        "ended_on",
        "end_reason",
        "photo_for_print",
        "created_at",
        "updated_at",
    ]
    # Shown as a link to the download view below: the file itself has no public address.
    # The place of signing is set by the signing step, in the staff member's language.
    exclude = ["agreement", "signing_place"]
    change_form_template = "admin/sponsorships/sponsorship/change_form.html"

    @admin.display(description=_("kind"), ordering="sponsor__kind")
    def sponsor_kind(self, obj):
        return obj.sponsor.get_kind_display()

    @admin.display(description=_("detainee"), ordering="detainee__name")
    def target(self, obj):
        return obj.detainee or _("The whole group")

    @admin.display(description=_("photo for print"))
    def photo_for_print(self, obj):
        return printing.photo_warning(obj.detainee) if obj.detainee_id else "—"

    @admin.display(description=_("e-mail confirmed"), boolean=True)
    def email_confirmed(self, obj):
        return obj.sponsor.email_confirmed_at is not None

    @admin.display(description=_("place of signing"))
    def place_of_signing(self, obj):
        # In the reader's language, or in the one it was written in, marked as such.
        return shown(obj, "signing_place") or "—"

    @admin.display(description=_("signed agreement (PDF)"))
    def signed_agreement(self, obj):
        if not obj.agreement:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:sponsorships_sponsorship_agreement", args=[obj.pk]),
            _("Download the signed agreement (PDF)"),
        )

    def get_urls(self):
        steps = [
            path(
                "<int:pk>/step/<slug:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name="sponsorships_sponsorship_workflow",
            ),
            path(
                "<int:pk>/agreement/",
                self.admin_site.admin_view(self.agreement_view),
                name="sponsorships_sponsorship_agreement",
            ),
        ]
        return steps + super().get_urls()

    def agreement_view(self, request, pk):
        sponsorship = get_object_or_404(Sponsorship, pk=pk)
        if not self.has_view_permission(request, sponsorship):
            raise PermissionDenied
        return views.agreement_file(sponsorship)

    # The form and title of each workflow step; which steps are possible is services' rule.
    STEPS = {
        "approve": {"form": DecisionForm, "title": _("Approve the sponsorship")},
        "decline": {"form": DecisionForm, "title": _("Decline the sponsorship")},
        "sign": {"form": SigningForm, "title": _("Record the public signing")},
        "end": {"form": EndForm, "title": _("End the sponsorship")},
    }

    def workflow_view(self, request, pk, step):
        sponsorship = get_object_or_404(Sponsorship.objects.select_related("sponsor"), pk=pk)
        if not self.has_change_permission(request, sponsorship):
            raise PermissionDenied
        config = self.STEPS.get(step)
        refusal = services.refusal(sponsorship, step)
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return redirect(self.change_url(sponsorship))
        initial = {}
        if step == "sign":
            initial = {
                "signed_on": sponsorship.signed_on,
                "signing_place": sponsorship.signing_place,
            }
        form = config["form"](request.POST or None, request.FILES or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if step == "approve":
                services.approve(sponsorship, data["message"])
            elif step == "decline":
                services.decline(sponsorship, data["message"])
            elif step == "sign":
                services.record_signing(
                    sponsorship, data["signed_on"], data["signing_place"], data["agreement"]
                )
            else:
                services.end(sponsorship, data["ended_on"], data["end_reason"])
            self.message_user(
                request, _("Done: the sponsor has been told by e-mail."), messages.SUCCESS
            )
            return redirect(self.change_url(sponsorship))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": sponsorship,
            "title": config["title"],
            "form": form,
            "step": step,
        }
        return TemplateResponse(request, "admin/sponsorships/sponsorship/workflow.html", context)

    def change_url(self, sponsorship):
        return reverse("admin:sponsorships_sponsorship_change", args=[sponsorship.pk])

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None:
            context["workflow_steps"] = [
                {"step": step, "title": self.STEPS[step]["title"]}
                for step in services.possible_steps(obj)
            ]
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
