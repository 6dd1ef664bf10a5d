from django.urls import path

from sponsorships import views

app_name = "sponsorships"

urlpatterns = [
    path("sponsor/", views.signup, name="signup"),
    path("sponsor/confirm/<str:token>/", views.confirm, name="confirm"),
    path("sponsor/portal/", views.portal, name="portal"),
    path("sponsor/portal/<int:pk>/", views.portal_detail, name="portal_detail"),
    path("sponsor/portal/details/<int:pk>/", views.portal_details, name="portal_details"),
    path("sponsor/portal/<int:pk>/agreement/", views.agreement, name="agreement"),
    path("sponsor/portal/<int:pk>/actions/new/", views.record_action, name="record_action"),
    path("sponsor/portal/<int:pk>/banner/<slug:size>/", views.banner, name="banner"),
    path("sponsors/", views.wall, name="wall"),
    path("sponsors/map/", views.sponsor_map, name="map"),
    path("sponsors/actions/", views.actions, name="actions"),
]
