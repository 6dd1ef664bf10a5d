"""The trail of decisions: every workflow step, bulk action, erasure, import and permission
change says who took it, when, on which record and why.

    from common import trail
    trail.register_actions({"approve_sponsorship": _("approved the sponsorship")})
    trail.record(request.user, "approve_sponsorship", sponsorship, reason=message)

Apps register the labels of their actions (in the reader's language when shown) in their
AppConfig.ready; an action nobody registered shows as its code. The entries are shown on the
record's own admin page (common.admin.TrailAdmin) and in one list (Trail of decisions).
"""

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from common.models import TrailEntry

ACTIONS = {
    "export_personal_data": _("exported the personal data"),
    "erase_personal_data": _("erased the personal data"),
    "change_permissions": _("changed the roles and permissions"),
    "bulk_action": _("ran an action on several records"),
    "import": _("imported a spreadsheet"),
    "delete_selected": _("deleted the record"),
    "export_spreadsheet": _("exported a spreadsheet"),
}


def register_actions(labels):
    """{code: translated label}, the label a short phrase in the past tense."""
    ACTIONS.update(labels)


def action_label(code):
    return ACTIONS.get(code, code)


def holds_personal_data(model):
    """A model whose rows the Privacy role can export and erase (see common.privacy)."""
    codename = get_permission_codename("personal_data", model._meta)
    return any(name == codename for name, _label in model._meta.permissions)


def label_of(obj):
    """How the trail names a record: its own `trail_label()` if it has one, its kind and number
    if it holds personal data (an erasure must leave no copy here), else its name."""
    if hasattr(obj, "trail_label"):
        return str(obj.trail_label())[:200]
    if holds_personal_data(type(obj)):
        return f"{obj._meta.verbose_name} #{obj.pk}"[:200]
    return str(obj)[:200]


def record(actor, action, obj=None, *, reason="", **details):
    """Write one entry about `obj`: a record, or a model for a whole kind (an import). `actor`
    is the staff member (None for the system: a scheduled job, a webhook); `details` a small
    JSON-able dict (counts, old and new values: no personal data)."""
    entry = TrailEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        reason=reason or "",
        details=details,
    )
    if isinstance(obj, type):
        # A kind of record, not one (an import or an export of many): named by its plural.
        entry.content_type = ContentType.objects.get_for_model(obj)
        entry.object_repr = str(obj._meta.verbose_name_plural)[:200]
    elif obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj)
        entry.object_id = str(obj.pk)
        entry.object_repr = label_of(obj)
    entry.save()
    return entry


def record_each(actor, action, objects, *, reason="", **details):
    """One entry per record of a bulk action, each saying how many were acted on together."""
    objects = list(objects)
    return [
        record(actor, action, obj, reason=reason, count=len(objects), **details) for obj in objects
    ]
