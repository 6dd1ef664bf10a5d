from django.urls import path

from donations import views

app_name = "donations"

urlpatterns = [
    path("donate/", views.donate, name="donate"),
    path("donate/thanks/", views.thanks, name="thanks"),
    path("donate/canceled/", views.canceled, name="canceled"),
    path("donate/donors/", views.donors, name="donors"),
    path("donate/manage/<str:token>/", views.manage, name="manage"),
]
