"""The admin site: staff reach it only after a second factor (allauth's TOTP)."""

from pathlib import Path
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from common.accounts import invite_staff
from common.actions import delete_selected
from common.forms import InviteStaffForm, staff_needs_invitation
from common.languages import LANGUAGE_CODES, missing_languages_label
from common.models import TrailEntry
from common.overview import overview_for
from common.trail import record
from common.urls import absolute_url


def used_second_factor(request):
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def may_skip_second_factor(user):
    # A newcomer running `make run` can look around with the demo account; never in production.
    return settings.DEBUG and user.email == settings.DEMO_STAFF_EMAIL


def is_campaign_app(app_label):
    """An app of this project (not a package's), other than this shared one: its records are
    the campaign's own."""
    config = apps.get_app_config(app_label)
    return app_label != "common" and Path(config.path).parent == Path(settings.BASE_DIR)


def installed_order(app):
    labels = [config.label for config in apps.get_app_configs()]
    return labels.index(app["app_label"])


class LibertasAdminSite(admin.AdminSite):
    site_header = _("Libertas administration")
    site_title = _("Libertas")
    index_title = _("Campaign records")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's "Delete selected", asking why and leaving a trail (common.actions).
        self._actions["delete_selected"] = delete_selected
        self._global_actions = self._actions.copy()

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return may_skip_second_factor(request.user) or used_second_factor(request)

    def login(self, request, extra_context=None):
        """Send everyone through allauth, which asks for the second factor.

        Django's own login form is never shown nor read: it would sign staff in with a
        password alone.
        """
        next_url = request.GET.get("next") or reverse("admin:index")
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if not user.is_active or not user.is_staff:
            raise PermissionDenied
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return staff_needs_invitation(request)
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}")

    def get_urls(self):
        invite = path("invite-staff/", self.admin_view(self.invite_staff), name="invite_staff")
        # Django's own "View on site" goes to the Sites framework's domain; ours to SITE_URL.
        # Same address and name, listed first, so it is the one that answers.
        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [invite, view_on_site, *super().get_urls()]

    def index(self, request, extra_context=None):
        """The overview: what waits for this staff member (common.overview), then the
        campaign's own records; the packages' technical models apart, for superusers only."""
        own, technical = [], []
        for app in self.get_app_list(request):
            (own if is_campaign_app(app["app_label"]) else technical).append(app)
        context = {
            "title": _("Overview"),
            "overview": overview_for(request),
            # The registry first, as the apps are installed (in layers), not alphabetically.
            "app_list": sorted(own, key=installed_order),
            "technical_apps": technical if request.user.is_superuser else [],
            "trail_url": (
                reverse("admin:common_trailentry_changelist")
                if request.user.has_perm("common.view_trailentry")
                else ""
            ),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def view_on_site(self, request, content_type_id, object_id):
        """Redirect to the object's public page at SITE_URL (see common.urls)."""
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model = content_type.model_class()
        if model is None or not hasattr(model, "get_absolute_url"):
            raise Http404
        try:
            obj = model._base_manager.get(pk=object_id)
        except (ObjectDoesNotExist, ValueError, ValidationError) as error:
            raise Http404 from error
        location = obj.get_absolute_url()
        if not location.startswith("/"):
            raise Http404  # an outside address is no page of ours
        return redirect(absolute_url(location))

    def invite_staff(self, request):
        """Superusers invite a new staff member: the e-mailed link is the only way in."""
        if not request.user.is_superuser:
            raise PermissionDenied
        form = InviteStaffForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            invite_staff(
                form.cleaned_data["email"],
                form.cleaned_data["groups"],
                language=form.cleaned_data["language"],
            )
            message = gettext("An invitation was sent to %(email)s.")
            messages.success(request, message % {"email": form.cleaned_data["email"]})
            return redirect("admin:index")
        context = {
            **self.each_context(request),
            "title": _("Invite a staff member"),
            "form": form,
        }
        return TemplateResponse(request, "admin/invite_staff.html", context)


class OneLanguageForm:
    """An admin form where a required translated field may be written in any one language."""

    one_language_fields = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.one_language_fields:
            localized = [f"{name}_{c}" for c in LANGUAGE_CODES if f"{name}_{c}" in self.fields]
            if localized and not any(cleaned.get(field) for field in localized):
                for field in localized:
                    self.add_error(field, _("Write this in at least one of the languages."))
        return cleaned


class AnyLanguageAdmin:
    """For a modeltranslation admin: staff may write a record in English, French or Armenian
    alone, and the list shows which translations are missing.

    modeltranslation makes the default language's field required whenever the field is;
    here no single language is, and OneLanguageForm asks for each such field in at least
    one language. `slug_from` names the translated field an empty address is made from, in
    the browser (static/js/admin_slug.js) and again by the model's save().
    """

    slug_from = None

    class Media:
        js = ["js/admin_slug.js"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "missing_translations"]

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        return missing_languages_label(obj)

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        if getattr(db_field, "translated_field", None) is not None:
            field.required = False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and self.slug_from and db_field.name == "slug":
            sources = [f"id_{self.slug_from}_{code}" for code in LANGUAGE_CODES]
            field.widget.attrs["data-slug-from"] = " ".join(sources)
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        required = [
            name for name in self.trans_opts.fields if not self.model._meta.get_field(name).blank
        ]
        return type(form.__name__, (OneLanguageForm, form), {"one_language_fields": required})


# Django stores a permission's name in English ("Can add detainee"), once, in the database:
# staff read it in their language, made from the action and the model's translated names.
PERMISSION_ACTIONS = {
    "add": pgettext_lazy("permission", "Can add"),
    "change": pgettext_lazy("permission", "Can change"),
    "delete": pgettext_lazy("permission", "Can delete"),
    "view": pgettext_lazy("permission", "Can view"),
}


def permission_label(permission):
    """ "Registry | detainee | Can add", in the active language."""
    model = permission.content_type.model_class()
    if model is None:  # the model of an app since removed
        return str(permission)
    action, _sep, model_name = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model_name == model._meta.model_name:
        name = PERMISSION_ACTIONS[action]
    else:
        # A permission of ours, its name marked for translation in the model's Meta.
        name = dict(model._meta.permissions).get(permission.codename, permission.name)
    return f"{permission.content_type} | {name}"


def roles_of(obj):
    """What a user or a group may do, as the trail records it: flags, groups, permissions."""
    if obj.pk is None:
        return {}
    roles = {
        "permissions": sorted(
            f"{p.content_type.app_label}.{p.codename}"
            for p in (
                obj.permissions if isinstance(obj, Group) else obj.user_permissions
            ).select_related("content_type")
        )
    }
    if not isinstance(obj, Group):
        roles["groups"] = sorted(obj.groups.values_list("name", flat=True))
        roles.update(is_active=obj.is_active, is_staff=obj.is_staff, is_superuser=obj.is_superuser)
    return roles


class TranslatedPermissionsAdmin:
    """Django's Group and User admins: permissions named in the reader's language, and every
    change of roles written in the trail (who gave whom what)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.related_model is Permission:
            field.label_from_instance = permission_label
        return field

    def save_model(self, request, obj, form, change):
        # Read before saving: the flags change with the save, the relations in save_related.
        before = type(obj).objects.filter(pk=obj.pk).first() if obj.pk else None
        request._roles_before = roles_of(before) if before is not None else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before, after = getattr(request, "_roles_before", {}), roles_of(form.instance)
        changes = {}
        for key in sorted(set(before) | set(after)):
            old, new = before.get(key), after.get(key)
            if old == new:
                continue
            if isinstance(new, list):
                changes[key] = {
                    "added": sorted(set(new) - set(old or [])),
                    "removed": sorted(set(old or []) - set(new)),
                }
            else:
                changes[key] = {"from": old, "to": new}
        if changes:
            record(request.user, "change_permissions", form.instance, **changes)


def register_trail_admin():
    """Called from CommonConfig.ready: this module defines the admin site itself, so a model of
    common is registered once the site exists."""
    admin.site.register(TrailEntry, TrailEntryAdmin)


def translate_permissions_in_auth_admin():
    """Django's Group and User admins, with the permissions in the staff member's language.

    Called from CommonConfig.ready, once the admin modules are imported: django.contrib.auth's
    own admin module, imported here, needs this module's admin site.
    """
    from django.contrib.auth.admin import GroupAdmin, UserAdmin

    for model, model_admin in ((Group, GroupAdmin), (get_user_model(), UserAdmin)):
        admin.site.unregister(model)
        admin.site.register(
            model, type(model_admin.__name__, (TranslatedPermissionsAdmin, model_admin), {})
        )


class TrailEntryAdmin(admin.ModelAdmin):
    """The one list of decisions. Nobody writes, changes or deletes an entry by hand, and each
    staff member sees the entries about the kinds of records they may see."""

    list_display = ["at", "actor", "action_label", "record_link", "reason"]
    list_filter = [
        ("action", admin.AllValuesFieldListFilter),
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["object_repr", "reason"]
    date_hierarchy = "at"
    list_select_related = ["actor", "content_type"]
    fields = ["at", "actor", "action_label", "record_link", "reason", "details"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("what"), ordering="action")
    def action_label(self, entry):
        return entry.get_action_display()

    @admin.display(description=_("record"))
    def record_link(self, entry):
        if entry.content_type is None:
            return "—"
        name = f"admin:{entry.content_type.app_label}_{entry.content_type.model}_change"
        try:
            url = reverse(name, args=[entry.object_id])
        except NoReverseMatch:
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', url, entry.object_repr)


class TrailAdmin:
    """Mixin for a ModelAdmin: the record's change page ends with its trail of decisions."""

    trail_shown = 10

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "trail"] if obj is not None else fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "trail"]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None:
            return fieldsets
        return [*fieldsets, (_("Trail of decisions"), {"fields": ["trail"]})]

    @admin.display(description=_("decisions"))
    def trail(self, obj):
        entries = TrailEntry.objects.for_object(obj).select_related("actor")
        shown = list(entries[: self.trail_shown])
        if not shown:
            return _("No decision recorded yet.")
        content_type = ContentType.objects.get_for_model(obj)
        everything = (
            reverse("admin:common_trailentry_changelist")
            + "?"
            + urlencode({"content_type__id__exact": content_type.pk, "object_id": obj.pk})
        )
        return format_html(
            '<ul class="trail">{}</ul><p><a href="{}">{}</a></p>',
            format_html_join(
                "",
                "<li><time>{}</time> · {} · {}{}</li>",
                (
                    (
                        date_format(timezone.localtime(e.at), "SHORT_DATETIME_FORMAT"),
                        e.actor or _("the system"),
                        e.get_action_display(),
                        f" — {e.reason}" if e.reason else "",
                    )
                    for e in shown
                ),
            ),
            everything,
            _("See the whole trail of this record"),
        )
