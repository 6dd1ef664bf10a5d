from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from modeltranslation.admin import TabbedTranslationAdmin

from common import trail
from common.actions import confirmed_action
from common.admin import AnyLanguageAdmin, TrailAdmin
from common.imports import SpreadsheetAdmin
from common.languages import shown
from common.privacy import PersonalDataAdmin, privacy_actions
from common.storage import private_file_response
from prisoners import printing
from sponsorships import privacy, services, views
from sponsorships.forms import (
    DecisionForm,
    EndForm,
    EndForStatusForm,
    PaperConfirmationForm,
    SendConfirmationForm,
    SigningForm,
)
from sponsorships.models import Commitment, Sponsor, SponsorAction, Sponsorship
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


# The lists hide the admin's side menu (the breadcrumbs lead back): with it and the filters,
# what is left at 1280 px clipped the columns.
WIDE_LIST = {"is_nav_sidebar_enabled": False}


class UsedCountriesFilter(admin.ChoicesFieldListFilter):
    """Only the countries of existing sponsors, by name in the reader's language (not the
    250 of the field's choices); the addresses are those of Django's own choices filter."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        codes = (
            model_admin.get_queryset(request)
            .order_by()
            .exclude(**{field_path: ""})
            .values_list(field_path, flat=True)
            .distinct()
        )
        self.used = sorted(
            ((code, countries.name(code)) for code in set(codes)), key=lambda c: str(c[1])
        )

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {
            f"{i}__c": Count(pk_attname, filter=Q((self.lookup_kwarg, code)))
            for i, (code, _name) in enumerate(self.used)
        }

    def choices(self, changelist):
        facet_counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        yield {
            "selected": self.lookup_val is None,
            "query_string": changelist.get_query_string(remove=[self.lookup_kwarg]),
            "display": _("All"),
        }
        for i, (code, name) in enumerate(self.used):
            if facet_counts is not None:
                name = f"{name} ({facet_counts[f'{i}__c']})"
            yield {
                "selected": self.lookup_val is not None and code in self.lookup_val,
                "query_string": changelist.get_query_string({self.lookup_kwarg: code}),
                "display": name,
            }


class FollowUpFilter(admin.SimpleListFilter):
    title = _("follow-up")
    parameter_name = "follow_up"

    def lookups(self, request, model_admin):
        return [("due", _("Due (today or before)")), ("later", _("Later")), ("none", _("None"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "due":
            return queryset.filter(follow_up_on__lte=today)
        if self.value() == "later":
            return queryset.filter(follow_up_on__gt=today)
        if self.value() == "none":
            return queryset.filter(follow_up_on__isnull=True)
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
    list_filter = ["kind", ("country", UsedCountriesFilter), "public_consent"]
    search_fields = [
        *(f"{field}_{code}" for field in ("name", "city") for code in ("en", "fr", "hy")),
        "contact_name",
        "email",
    ]
    # The account is linked only by approval, to one that verified the sponsor's address.
    readonly_fields = ["user", "email_confirmed_at", "created_at"]
    actions = privacy_actions(privacy.export, privacy.erase, "email")
    inlines = [SponsorshipInline]

    class Media:
        css = {"all": ["sponsorships/admin_lists.css"]}

    fieldsets = [
        (
            None,
            {"fields": ["kind", "name", "country", "city", "logo", "website", "public_consent"]},
        ),
        (_("On the map"), {"fields": ["latitude", "longitude"], "classes": ["collapse"]}),
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

    def save_model(self, request, obj, form, change):
        changed = set(form.changed_data)
        moved = any(name == "country" or name.startswith("city") for name in changed)
        if moved and not {"latitude", "longitude"} & changed:
            obj.latitude = obj.longitude = None  # moved, and not placed by hand: look it up
        obj.locate()
        super().save_model(request, obj, form, change)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), **WIDE_LIST})

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
        "confirmed",
        "requested",
        "follow_up",
    ]
    list_filter = [
        "status",
        FollowUpFilter,
        "sponsor__kind",
        ("sponsor__country", UsedCountriesFilter),
        EmailConfirmedFilter,
    ]
    list_select_related = ["sponsor", "detainee"]
    search_fields = ["sponsor__name", "sponsor__email", "detainee__name"]
    raw_id_fields = ["sponsor"]
    filter_horizontal = ["commitments"]
    readonly_fields = [
        "sponsor_details",
        "other_sponsorships",
        "detainee_warning",
        "status",
        "request_age",
        "confirmation",
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
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "sponsor",
                    "sponsor_details",
                    "other_sponsorships",
                    "detainee",
                    "detainee_warning",
                    "commitments",
                ]
            },
        ),
        (
            _("Decision"),
            {
                "fields": [
                    "status",
                    "request_age",
                    "confirmation",
                    "decision_message",
                    "signed_on",
                    "place_of_signing",
                    "signed_agreement",
                    "ended_on",
                    "end_reason",
                    "photo_for_print",
                ]
            },
        ),
        (_("Private: never published"), {"fields": ["internal_notes", "follow_up_on"]}),
        (_("Public"), {"fields": ["public_note"]}),
    ]
    change_form_template = "admin/sponsorships/sponsorship/change_form.html"

    class Media:
        css = {"all": ["sponsorships/admin_lists.css"]}

    def get_readonly_fields(self, request, obj=None):
        # Once decided, who sponsors whom is fixed: a sponsorship of another person is a
        # new request, approved on its own (no silent switch of an active sponsorship).
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.status != Sponsorship.Status.PENDING:
            return ["sponsor", "detainee", *fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        # From super(): modeltranslation names the translated fields (public_note_en, …).
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:  # adding: nothing to show about a sponsorship that does not exist yet
            return [(None, {"fields": ["sponsor", "detainee", "commitments"]}), *fieldsets[2:]]
        return fieldsets

    @admin.display(description=_("kind"), ordering="sponsor__kind")
    def sponsor_kind(self, obj):
        return obj.sponsor.get_kind_display()

    @admin.display(description=_("detainee"), ordering="detainee__name")
    def target(self, obj):
        return obj.detainee or _("The whole group")

    @admin.display(description=_("requested"), ordering="created_at")
    def requested(self, obj):
        return format_html(
            '<span title="{}">{}</span>', obj.created_at.date().isoformat(), self.age(obj)
        )

    @admin.display(description=_("follow up on"), ordering="follow_up_on")
    def follow_up(self, obj):
        # Short in every language, so the list keeps its width.
        return obj.follow_up_on.isoformat() if obj.follow_up_on else "—"

    def age(self, obj):
        # In days, as staff count a request's wait ("12 days ago", not "1 week ago").
        days = (timezone.now() - obj.created_at).days
        if days == 0:
            return _("today")
        return ngettext("%(count)d day ago", "%(count)d days ago", days) % {"count": days}

    @admin.display(description=_("request made"))
    def request_age(self, obj):
        return format_html(
            "{} ({})", self.age(obj), timezone.localtime(obj.created_at).date().isoformat()
        )

    @admin.display(description=_("the sponsor"))
    def sponsor_details(self, obj):
        sponsor = obj.sponsor
        confirmed = (
            _("confirmed on %(date)s")
            % {"date": timezone.localtime(sponsor.email_confirmed_at).date().isoformat()}
            if sponsor.email_confirmed_at
            else _("not confirmed")
        )
        return format_html(
            '<a href="{}">{}</a> — {}<br>{}: {}<br>{}: {} ({})<br>{}: {}',
            reverse("admin:sponsorships_sponsor_change", args=[sponsor.pk]),
            sponsor.name,
            sponsor.get_kind_display(),
            _("contact person"),
            sponsor.contact_name,
            _("e-mail"),
            sponsor.email,
            confirmed,
            _("phone"),
            sponsor.phone or "—",
        )

    @admin.display(description=_("their other sponsorships"))
    def other_sponsorships(self, obj):
        # Each sign-up makes a sponsor row: the same address is the same sponsor.
        others = (
            Sponsorship.objects.filter(sponsor__email__iexact=obj.sponsor.email)
            .exclude(pk=obj.pk)
            .select_related("detainee")
        )
        if not others:
            return _("None")
        return format_html(
            "{}",
            format_html_join(
                mark_safe("<br>"),  # noqa: S308 -- a constant
                '<a href="{}">{}</a> — {}',
                (
                    (
                        reverse("admin:sponsorships_sponsorship_change", args=[other.pk]),
                        other.detainee or _("The whole group"),
                        other.get_status_display(),
                    )
                    for other in others
                ),
            ),
        )

    @admin.display(description=_("already sponsored?"))
    def detainee_warning(self, obj):
        if obj.detainee_id is None:
            return "—"
        active = (
            Sponsorship.objects.active()
            .filter(detainee_id=obj.detainee_id)
            .exclude(pk=obj.pk)
            .select_related("sponsor")
        )
        if not active:
            return _("No: nobody sponsors this person yet.")
        return format_html(
            '<strong class="errornote">{}</strong> {}',
            ngettext(
                "Warning: this person already has an active sponsor:",
                "Warning: this person already has %(count)d active sponsors:",
                len(active),
            )
            % {"count": len(active)},
            format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:sponsorships_sponsorship_change", args=[s.pk]), s.sponsor)
                    for s in active
                ),
            ),
        )

    @admin.display(description=_("confirmation of the request"))
    def confirmation(self, obj):
        parts = []
        if obj.sponsor.email_confirmed_at:
            parts.append(_("by e-mail"))
        if obj.paper_confirmed_at:
            parts.append(
                format_html(
                    '{} (<a href="{}">{}</a>)',
                    _("on paper"),
                    reverse("admin:sponsorships_sponsorship_paper", args=[obj.pk]),
                    _("open the scan"),
                )
            )
        if not parts:
            return _("Not confirmed yet: send the e-mail, or record a confirmation on paper.")
        return format_html_join(", ", "{}", ((part,) for part in parts))

    @admin.display(description=_("photo for print"))
    def photo_for_print(self, obj):
        return printing.photo_warning(obj.detainee) if obj.detainee_id else "—"

    @admin.display(description=_("confirmed"), boolean=True)
    def confirmed(self, obj):
        return obj.is_confirmed  # by the e-mail link or on paper

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), **WIDE_LIST})

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
            path(
                "<int:pk>/paper-confirmation/",
                self.admin_site.admin_view(self.paper_view),
                name="sponsorships_sponsorship_paper",
            ),
            path(
                "end-for-status/",
                self.admin_site.admin_view(self.end_for_status_view),
                name="sponsorships_sponsorship_end_for_status",
            ),
        ]
        return steps + super().get_urls()

    def agreement_view(self, request, pk):
        sponsorship = get_object_or_404(Sponsorship, pk=pk)
        if not self.has_view_permission(request, sponsorship):
            raise PermissionDenied
        return views.agreement_file(sponsorship)

    def paper_view(self, request, pk):
        sponsorship = get_object_or_404(Sponsorship, pk=pk)
        if not self.has_view_permission(request, sponsorship):
            raise PermissionDenied
        if not sponsorship.paper_confirmation:
            raise Http404
        name = sponsorship.paper_confirmation.name
        suffix = name.rsplit(".", 1)[-1].lower()
        return private_file_response(
            sponsorship.paper_confirmation,
            f"libertas-confirmation-{sponsorship.pk}.{suffix}",
            content_type=SCAN_TYPES.get(suffix, "application/octet-stream"),
        )

    # The form and title of each workflow step; which steps are possible is services' rule.
    STEPS = {
        "approve": {"form": DecisionForm, "title": _("Approve the sponsorship")},
        "decline": {"form": DecisionForm, "title": _("Decline the sponsorship")},
        "sign": {"form": SigningForm, "title": _("Record the public signing")},
        "end": {"form": EndForm, "title": _("End the sponsorship")},
        "send_confirmation": {
            "form": SendConfirmationForm,
            "title": _("Send the confirmation e-mail"),
        },
        "confirm_on_paper": {
            "form": PaperConfirmationForm,
            "title": _("Record a confirmation on paper"),
        },
    }

    def take_step(self, request, sponsorship, step, data):
        actor = request.user
        if step == "approve":
            services.approve(sponsorship, data["message"], actor=actor)
        elif step == "decline":
            services.decline(sponsorship, data["message"], actor=actor)
        elif step == "sign":
            services.record_signing(
                sponsorship,
                data["signed_on"],
                data["signing_place"],
                data["agreement"],
                actor=actor,
            )
        elif step == "end":
            services.end(
                sponsorship, data["ended_on"], data["end_reason"], actor=actor, why=data["why"]
            )
        elif step == "send_confirmation":
            services.send_confirmation_for_staff(sponsorship, actor=actor)
            return _("Done: the confirmation e-mail is on its way to the sponsor.")
        elif step == "confirm_on_paper":
            services.confirm_on_paper(sponsorship, data["scan"], actor=actor, why=data["why"])
            return _("Done: the confirmation on paper is recorded; the request can be approved.")
        return _("Done: the sponsor has been told by e-mail.")

    def workflow_view(self, request, pk, step):
        sponsorship = get_object_or_404(Sponsorship.objects.select_related("sponsor"), pk=pk)
        if not self.has_change_permission(request, sponsorship):
            raise PermissionDenied
        config = self.STEPS.get(step)
        refusal = services.refusal(sponsorship, step)
        if refusal or config is None:
            self.message_user(request, refusal, messages.ERROR)
            return redirect(self.change_url(sponsorship))
        initial = {}
        if step == "sign":
            initial = {
                "signed_on": sponsorship.signed_on,
                "signing_place": sponsorship.signing_place,
            }
        posted = request.method == "POST"
        form = config["form"](
            request.POST if posted else None, request.FILES if posted else None, initial=initial
        )
        if posted and form.is_valid():
            try:
                done = self.take_step(request, sponsorship, step, form.cleaned_data)
            except services.StepRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(request, done, messages.SUCCESS)
            return redirect(self.change_url(sponsorship))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": sponsorship,
            "title": config["title"],
            "form": form,
            "step": step,
            "tells_sponsor": step not in ("confirm_on_paper",),
        }
        return TemplateResponse(request, "admin/sponsorships/sponsorship/workflow.html", context)

    def end_for_status_view(self, request):
        """Staff marked people released or deceased: confirm ending their active sponsorships."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        status = request.GET.get("status", "")
        ids = [value for value in request.GET.getlist("detainee") if value.isdigit()]
        candidates = services.ending_for_status(ids, status)
        changelist = reverse("admin:sponsorships_sponsorship_changelist")
        if not candidates:
            self.message_user(request, _("No active sponsorship to end."), messages.INFO)
            return redirect(changelist)
        form = EndForStatusForm(request.POST or None, queryset=candidates)
        if request.method == "POST" and form.is_valid():
            ended, sent = services.end_for_status(
                form.cleaned_data["sponsorships"],
                status,
                actor=request.user,
                why=form.cleaned_data["why"],
            )
            self.message_user(
                request,
                ngettext(
                    "%(count)d sponsorship ended; %(sent)d e-mail sent to the sponsors.",
                    "%(count)d sponsorships ended; %(sent)d e-mails sent to the sponsors.",
                    len(ended),
                )
                % {"count": len(ended), "sent": sent},
                messages.SUCCESS,
            )
            return redirect(changelist)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("End the sponsorships of people released or deceased"),
            "form": form,
            "candidates": candidates,
            "end_reason": Sponsorship.EndReason(services.END_REASONS[status]).label,
        }
        return TemplateResponse(
            request, "admin/sponsorships/sponsorship/end_for_status.html", context
        )

    def change_url(self, sponsorship):
        return reverse("admin:sponsorships_sponsorship_change", args=[sponsorship.pk])

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None:
            context["workflow_steps"] = [
                {"step": step, "title": self.STEPS[step]["title"]}
                for step in services.possible_steps(obj)
                if not services.refusal(obj, step)
            ]
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


SCAN_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}


def propose_ending_sponsorships(request, detainees, status):
    """prisoners' status-change hook: people just marked released or deceased who have
    active sponsorships lead staff to the page that ends them (nothing ends unconfirmed)."""
    if status not in services.END_REASONS:
        return None
    if not request.user.has_perm("sponsorships.change_sponsorship"):
        return None
    ids = [detainee.pk for detainee in detainees]
    if not services.ending_for_status(ids, status).exists():
        return None
    query = urlencode({"status": status, "detainee": ids}, doseq=True)
    return f"{reverse('admin:sponsorships_sponsorship_end_for_status')}?{query}"


def review(status, code, description, question):
    """A bulk action that publishes or turns down the selected actions, after a question;
    one trail entry per action it changes, with the reason."""

    @confirmed_action(description=description, question=question, permissions=["change"])
    def act(modeladmin, request, queryset, reason):
        chosen = list(queryset.exclude(status=status))
        for action in chosen:
            action.status = status
            action.moderated_at = timezone.now()
            # One by one, with save(): the page cache drops the profiles they show on.
            action.save(update_fields=["status", "moderated_at"])
        trail.record_each(request.user, code, chosen, reason=reason)
        modeladmin.message_user(
            request,
            ngettext("%(count)d action reviewed.", "%(count)d actions reviewed.", len(chosen))
            % {"count": len(chosen)},
            messages.SUCCESS,
        )

    act.__name__ = code
    return act


@admin.register(SponsorAction)
class SponsorActionAdmin(TrailAdmin, admin.ModelAdmin):
    list_display = ["date", "kind", "sponsor", "detainee", "status", "created_at"]
    list_filter = [
        "status",
        "kind",
        ("sponsorship__sponsor__country", admin.AllValuesFieldListFilter),
    ]
    list_select_related = ["sponsorship__sponsor", "sponsorship__detainee"]
    search_fields = ["text", "sponsorship__sponsor__name"]
    date_hierarchy = "date"
    # The sponsor's words are theirs: staff publish them or not, and never rewrite them.
    readonly_fields = [
        "sponsorship",
        "kind",
        "date",
        "text_shown",
        "link",
        "photo",
        "photo_alt",
        "status",
        "created_at",
        "moderated_at",
    ]
    actions = [
        review(
            SponsorAction.Status.APPROVED,
            "approve_sponsor_action",
            _("Publish the selected actions"),
            _("Publish these actions on the profiles and the register?"),
        ),
        review(
            SponsorAction.Status.REJECTED,
            "reject_sponsor_action",
            _("Do not publish the selected actions"),
            _("Keep these actions off the public pages?"),
        ),
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("what was done"))
    def text_shown(self, action):
        # In the language the sponsor wrote it in, marked so (screen readers, the crawl).
        return format_html('<span lang="{}">{}</span>', action.language, action.text)

    @admin.display(description=_("sponsor"), ordering="sponsorship__sponsor__name")
    def sponsor(self, action):
        return action.sponsorship.sponsor

    @admin.display(description=_("detainee"))
    def detainee(self, action):
        return action.sponsorship.detainee or _("the whole group")


# The proposals sponsors make from the portal, in a module of their own (registers itself).
from sponsorships import admin_proposals  # noqa: E402, F401
