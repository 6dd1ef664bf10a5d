"""Staff confirm what sponsors propose from the portal: approve (it goes public) or decline.

Kept apart from admin.py (the sponsorship workflow) and registered from there; the proposal is
read-only here: staff decide on it, they do not rewrite it (the sponsor's own page is for that).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common import trail
from common.storage import private_file_response
from sponsorships.models import SponsorProposal


@admin.register(SponsorProposal)
class SponsorProposalAdmin(admin.ModelAdmin):
    change_form_template = "admin/sponsorships/sponsorproposal/change_form.html"
    list_display = ["sponsor", "created_at", "changes"]
    list_select_related = ["sponsor"]
    search_fields = ["sponsor__name", "name"]
    fields = ["sponsor_link", "created_at", "language", "name_change", "website_change", "logos"]
    readonly_fields = fields
    actions = ["approve_selected", "decline_selected"]

    def has_add_permission(self, request):
        return False  # only a sponsor, from the portal, proposes

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "decline" is the way a proposal goes
        return actions

    def may_approve(self, request):
        # Approving changes the sponsor's public record: both rights are needed.
        return self.has_change_permission(request) and request.user.has_perm(
            "sponsorships.change_sponsor"
        )

    def has_approve_permission(self, request):
        return self.may_approve(request)

    def has_decline_permission(self, request):
        return self.has_delete_permission(request)

    @admin.display(description=_("changes"))
    def changes(self, obj):
        labels = {"name": gettext("name"), "website": gettext("website"), "logo": gettext("logo")}
        return ", ".join(labels[field] for field in obj.changed_fields()) or "—"

    @admin.display(description=_("sponsor"))
    def sponsor_link(self, obj):
        url = reverse("admin:sponsorships_sponsor_change", args=[obj.sponsor_id])
        return format_html('<a href="{}">{}</a>', url, obj.sponsor)

    def compare(self, now, proposed):
        if now == proposed:
            return format_html("{} <em>({})</em>", proposed or "—", gettext("unchanged"))
        return format_html(
            "<del>{}</del> → <ins><strong>{}</strong></ins>", now or "—", proposed or "—"
        )

    @admin.display(description=_("name"))
    def name_change(self, obj):
        return self.compare(obj.current_name(), obj.name)

    @admin.display(description=_("website"))
    def website_change(self, obj):
        return self.compare(obj.sponsor.website, obj.website)

    @admin.display(description=_("logo"))
    def logos(self, obj):
        if not obj.logo:
            return gettext("unchanged")
        url = reverse("admin:sponsorships_sponsorproposal_logo", args=[obj.pk])
        return format_html(
            '<img src="{}" alt="{}" style="max-width:240px;max-height:160px">',
            url,
            gettext("Proposed logo"),
        )

    def get_urls(self):
        def view(function, suffix):
            return path(
                f"<int:pk>/{suffix}/",
                self.admin_site.admin_view(function),
                name=f"sponsorships_sponsorproposal_{suffix}",
            )

        return [
            view(self.logo_view, "logo"),
            view(self.approve_view, "approve"),
            view(self.decline_view, "decline"),
            *super().get_urls(),
        ]

    def logo_view(self, request, pk):
        """The proposed logo, for staff only: it has no public address until approved."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        proposal = get_object_or_404(SponsorProposal, pk=pk)
        if not proposal.logo:
            raise PermissionDenied
        return private_file_response(proposal.logo, proposal.logo.name, as_attachment=False)

    def approve_view(self, request, pk):
        if request.method != "POST" or not self.may_approve(request):
            raise PermissionDenied
        self.approve(request, get_object_or_404(SponsorProposal, pk=pk))
        return redirect("admin:sponsorships_sponsorproposal_changelist")

    def decline_view(self, request, pk):
        if request.method != "POST" or not self.has_delete_permission(request):
            raise PermissionDenied
        self.decline(request, get_object_or_404(SponsorProposal, pk=pk))
        return redirect("admin:sponsorships_sponsorproposal_changelist")

    def approve(self, request, proposal):
        trail.record(
            request.user,
            "approve_sponsor_details",
            proposal.sponsor,
            fields=proposal.changed_fields(),
        )
        proposal.apply()
        self.message_user(
            request,
            gettext("The new details of %(sponsor)s are public.") % {"sponsor": proposal.sponsor},
            messages.SUCCESS,
        )

    def decline(self, request, proposal):
        trail.record(
            request.user,
            "decline_sponsor_details",
            proposal.sponsor,
            fields=proposal.changed_fields(),
        )
        proposal.discard()
        self.message_user(
            request,
            gettext("The proposed details of %(sponsor)s were declined.")
            % {"sponsor": proposal.sponsor},
            messages.SUCCESS,
        )

    @admin.action(description=_("Approve the selected proposals"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        for proposal in queryset.select_related("sponsor"):
            self.approve(request, proposal)

    @admin.action(description=_("Decline the selected proposals"), permissions=["decline"])
    def decline_selected(self, request, queryset):
        for proposal in queryset.select_related("sponsor"):
            self.decline(request, proposal)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["may_approve"] = self.may_approve(request)
        context["may_decline"] = self.has_delete_permission(request, obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
