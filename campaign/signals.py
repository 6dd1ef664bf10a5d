"""Tell followers when staff change a detainee's record (connected in apps.py)."""

from campaign.services import notify_followers
from prisoners.models import Detainee


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
