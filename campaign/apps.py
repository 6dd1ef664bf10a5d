from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")
    # Staff roles (common.groups): Editors write the campaign's content and may view or delete
    # signers and followers; Privacy exports and erases them, and sees the accounts an export
    # names and erasure closes.
    staff_groups = {
        "Editors": {
            **{
                model: ["view", "add", "change", "delete"]
                for model in [
                    "newsitem",
                    "event",
                    "petition",
                    "lettertemplate",
                    "page",
                    "organisation",
                ]
            },
            "signature": ["view", "delete"],
            "follower": ["view", "delete"],
        },
        "Privacy": {
            "signature": ["view", "personal_data"],
            "follower": ["view", "personal_data"],
            "auth.user": ["view"],
        },
    }

    def ready(self):
        # The registry knows nothing of followers: campaign listens to it, not the reverse.
        from campaign import signals
        from prisoners.models import Detainee, TimelineEvent

        pre_save.connect(signals.remember_status, sender=Detainee, dispatch_uid="campaign-status")
        post_save.connect(signals.status_changed, sender=Detainee, dispatch_uid="campaign-status")
        post_save.connect(
            signals.timeline_event_added, sender=TimelineEvent, dispatch_uid="campaign-timeline"
        )
