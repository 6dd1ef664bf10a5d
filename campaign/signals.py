"""Tell followers when staff change a detainee's record (connected in apps.py)."""

from campaign.services import notify_followers
from prisoners.models import Detainee, TimelineEvent


def remember_status(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._campaign_previous_status = None
    if raw or instance.pk is None:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    instance._campaign_previous_status = (
        Detainee.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    )


def status_changed(sender, instance, created, raw=False, **kwargs):
    previous = getattr(instance, "_campaign_previous_status", None)
    if created or raw or previous is None or previous == instance.status:
        return
    if not instance.is_listed:
        return
    notify_followers(instance, {"kind": "status"})


def timeline_event_added(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    detainee = instance.detainee
    if not detainee.is_listed:
        return
    notify_followers(detainee, {"kind": "timeline", "event": instance})


def outcome_fields(event):
    return [getattr(event, field, "") or "" for field in ("outcome_en", "outcome_fr", "outcome_hy")]


def remember_outcome(sender, instance, raw=False, **kwargs):
    instance._campaign_had_outcome = None
    if raw or instance.pk is None:
        return
    before = TimelineEvent.objects.filter(pk=instance.pk).first()
    instance._campaign_had_outcome = before is not None and any(outcome_fields(before))


def outcome_recorded(sender, instance, created, raw=False, **kwargs):
    """Staff wrote the outcome of a hearing for the first time: followers hear of it once.
    (A hearing added with its outcome is told of as a new event, outcome included.)"""
    if created or raw or instance.kind != TimelineEvent.Kind.HEARING:
        return
    if getattr(instance, "_campaign_had_outcome", True) or not any(outcome_fields(instance)):
        return
    if not instance.detainee.is_listed:
        return
    notify_followers(instance.detainee, {"kind": "outcome", "event": instance})
