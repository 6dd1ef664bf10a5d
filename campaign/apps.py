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
                    "decisionmaker",
                    "page",
                    "organisation",
                    "socialaccount",
                ]
            },
            "signature": ["view", "delete"],
            "follower": ["view", "delete"],
            # Editors moderate messages and print bundles; they never add a writer's message.
            "solidaritymessage": ["view", "change", "delete"],
            "messagebundle": ["view", "add", "change", "delete"],
        },
        "Privacy": {
            "signature": ["view", "personal_data"],
            "follower": ["view", "personal_data"],
            "solidaritymessage": ["view", "personal_data"],
            "subscriber": ["view", "personal_data"],
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
        pre_save.connect(
            signals.remember_outcome, sender=TimelineEvent, dispatch_uid="campaign-outcome"
        )
        post_save.connect(
            signals.outcome_recorded, sender=TimelineEvent, dispatch_uid="campaign-outcome"
        )
        self.register_with_lower_apps()

    def register_with_lower_apps(self):
        """What campaign adds to the layout, the profile and the cross-app jobs: the apps below
        offer registries, so that none of them names campaign."""
        from campaign import demo, overview, privacy
        from campaign.models import footer_organisations, footer_social_accounts
        from campaign.templatetags.campaign_tags import (
            detainee_news,
            follow_link,
            letter_link,
            messages_panel,
        )
        from common import jobs, layout, trail
        from common.overview import register_overview
        from prisoners.panels import register_profile_panel

        for key, url_name in {
            "home": "campaign:home",
            "take_action": "campaign:take_action",
            "news": "campaign:news",
            "about": "campaign:about",
            "sponsorship": "campaign:sponsorship",
            "events": "campaign:events",
            "petition": "campaign:petition",
            "privacy": "campaign:privacy",
            "contact": "campaign:contact",
            "newsletter": "campaign:newsletter",
            "help_now": "campaign:help_now",
            "hearings": "campaign:hearings",
        }.items():
            layout.register_page(key, url_name)
        layout.register_context("footer_organisations", footer_organisations)
        layout.register_context("footer_social_accounts", footer_social_accounts)
        register_profile_panel("campaign/detainee_news.html", detainee_news, order=20)
        register_profile_panel("campaign/follow_link.html", follow_link, order=30)
        register_profile_panel("campaign/messages_panel.html", messages_panel, order=35)
        register_profile_panel("campaign/letter_link.html", letter_link, order=37)
        jobs.register_personal_data("campaign", privacy.export, privacy.erase, order=40)
        trail.register_actions(
            {
                "mark_approved": _("approved the message"),
                "mark_rejected": _("rejected the message"),
                "make_bundles": _("put the message in a printable bundle"),
                "mark_delivered": _("marked the bundle as delivered"),
            }
        )
        register_overview(
            "subscribers",
            overview.news_subscribers,
            order=35,
            permission="campaign.view_newsitem",
            title=_("News by e-mail"),
        )
        register_overview(
            "moderation",
            overview.messages_to_moderate,
            order=30,
            permission="campaign.view_solidaritymessage",
            title=_("Messages of solidarity"),
        )
        register_overview(
            "petition",
            overview.petitions,
            order=55,
            permission="campaign.view_petition",
            title=_("Petition"),
        )
        jobs.register_retention("petition", privacy.purge, order=10)
        jobs.register_retention("messages", privacy.purge_messages, order=11)
        trail.register_actions({"email_news": _("e-mailed the news item to subscribers")})
        jobs.register_retention("news_subscribers", privacy.purge_subscribers, order=12)
        # The collective's NGOs and content pages first; the actions, which name detainees
        # and sponsors, after the apps below have loaded theirs.
        jobs.register_demo("campaign", demo.load, order=10)
        jobs.register_demo("campaign_actions", demo.load_actions, order=40)
