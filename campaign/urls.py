from django.urls import path

from campaign import feeds, views
from campaign.models import Page

app_name = "campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.page, {"slug": Page.Slug.ABOUT}, name="about"),
    path("sponsorship/", views.page, {"slug": Page.Slug.SPONSORSHIP}, name="sponsorship"),
    path("privacy/", views.page, {"slug": Page.Slug.PRIVACY}, name="privacy"),
    path("contact/", views.page, {"slug": Page.Slug.CONTACT}, name="contact"),
    path("help-now/", views.help_now, name="help_now"),
    path("hearings/", views.hearings, name="hearings"),
    path("hearings/calendar.ics", views.hearings_calendar, name="hearings_calendar"),
    path(
        "hearings/<slug:slug>/calendar.ics",
        views.detainee_hearings_calendar,
        name="detainee_hearings_calendar",
    ),
    path("news/", views.news, name="news"),
    path("news/rss/", feeds.NewsFeed(), name="news_rss"),
    path("news/atom/", feeds.AtomNewsFeed(), name="news_atom"),
    path("news/<slug:slug>/", views.news_detail, name="news_detail"),
    path("events/", views.events, name="events"),
    path("events/calendar.ics", views.events_calendar, name="events_calendar"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    path("petition/", views.petition, name="petition"),
    path("petition/count.json", views.petition_count, name="petition_count"),
    path("petition/thanks/", views.petition_sent, name="petition_sent"),
    path("petition/confirm/<str:token>/", views.petition_confirm, name="petition_confirm"),
    path("take-action/", views.take_action, name="take_action"),
    path("take-action/letter/", views.take_action_letter, name="take_action_letter"),
    path("take-action/opened/", views.letters_opened, name="letters_opened"),
    path("follow/confirm/<str:token>/", views.follow_confirm, name="follow_confirm"),
    path("follow/<slug:slug>/", views.follow, name="follow"),
    path("follow/<slug:slug>/sent/", views.follow_sent, name="follow_sent"),
    path("message/confirm/<str:token>/", views.message_confirm, name="message_confirm"),
    path("message/<slug:slug>/", views.message, name="message"),
    path("message/<slug:slug>/sent/", views.message_sent, name="message_sent"),
    path("newsletter/", views.newsletter, name="newsletter"),
    path("newsletter/sent/", views.newsletter_sent, name="newsletter_sent"),
    path("newsletter/confirm/<str:token>/", views.newsletter_confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:token>/",
        views.newsletter_unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
