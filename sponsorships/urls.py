from django.urls import path  # noqa: F401

from sponsorships import views  # noqa: F401

app_name = "sponsorships"

urlpatterns = []
