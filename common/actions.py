"""Admin actions that change or erase ask first.

    from common.actions import confirmed_action

    @confirmed_action(
        description=_("Mark as released today"),
        question=_("Mark these people as released today?"),
        permissions=["change"],
        trail_action="mark_released",
    )
    def mark_released(modeladmin, request, queryset, reason):
        ...

The first POST (the action chosen on the list) only shows a page that names the change, how many
rows it touches and lists them (up to CONFIRM_ROWS_SHOWN), with a box for why. The action runs
only on the POST from that page (`post=yes`), and with `trail_action` the decorator writes one
trail entry per row, with the reason (common.trail.record_each); an action that writes its own
entries (it acts on part of the selection) gets the reason as its last argument. `permissions`
limits the action to a role, as Django's own `@admin.action` does.

Django's "Delete selected" is replaced on the site (common.admin.LibertasAdminSite) by
`delete_selected` below: Django's own confirmation, plus the reason, and one entry per row.
"""

import functools

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from common.trail import record_each

# A page that lists a thousand rows helps nobody decide: the count says the rest.
CONFIRM_ROWS_SHOWN = 50


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Kept in the trail of decisions. No personal data (e-mails, names of private persons)."
        ),
    )


def confirmed(request):
    return request.POST.get("post") == "yes"


def confirmation_page(modeladmin, request, queryset, *, question, form, template=None, **extra):
    opts = modeladmin.model._meta
    count = queryset.count()
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": opts,
        "title": question,
        "question": question,
        "count": count,
        "rows": queryset[:CONFIRM_ROWS_SHOWN],
        "more": max(count - CONFIRM_ROWS_SHOWN, 0),
        "selected": [str(pk) for pk in queryset.values_list("pk", flat=True)],
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "form": form,
        **extra,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(
        request,
        [
            template or f"admin/{opts.app_label}/{opts.model_name}/confirm_action.html",
            "admin/confirm_action.html",
        ],
        context,
    )


def confirmed_action(
    *,
    description,
    question,
    permissions=None,
    trail_action=None,
    reason_required=False,
    template=None,
    context=None,
):
    """Decorate `function(modeladmin, request, queryset, reason)` into an admin action that
    asks first. `context(modeladmin, request, queryset)` adds to the confirmation page (for a
    `template` of the model's own that says more about each row)."""

    def decorate(function):
        @admin.action(description=description, permissions=permissions)
        @functools.wraps(function)
        def action(modeladmin, request, queryset):
            # The admin hides and refuses an action by its `permissions`; say it again here,
            # so that no other caller gets round it, not even to the question.
            for permission in permissions or []:
                if not getattr(modeladmin, f"has_{permission}_permission")(request):
                    raise PermissionDenied
            form = ReasonForm(request.POST if confirmed(request) else None)
            form.fields["reason"].required = reason_required
            if confirmed(request) and form.is_valid():
                reason = form.cleaned_data["reason"]
                rows = list(queryset) if trail_action else []
                response = function(modeladmin, request, queryset, reason)
                if trail_action:
                    record_each(request.user, trail_action, rows, reason=reason)
                return response
            extra = context(modeladmin, request, queryset) if context else {}
            return confirmation_page(
                modeladmin,
                request,
                queryset,
                question=question,
                form=form,
                template=template,
                **extra,
            )

        return action

    return decorate


def delete_selected(modeladmin, request, queryset):
    """Django's "Delete selected", whose confirmation also asks why; each deleted row gets
    its trail entry."""
    rows = list(queryset) if confirmed(request) else []
    response = django_delete_selected(modeladmin, request, queryset)
    # Django answers None once it has deleted; a page (the question again) otherwise.
    if confirmed(request) and response is None:
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        record_each(request.user, "delete_selected", rows, reason=reason)
    elif response is not None and hasattr(response, "context_data"):
        response.context_data["reason_form"] = ReasonForm()
    return response


delete_selected.allowed_permissions = django_delete_selected.allowed_permissions
delete_selected.short_description = django_delete_selected.short_description
