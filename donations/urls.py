from django.urls import path  # noqa: F401

from donations import views  # noqa: F401

app_name = "donations"

urlpatterns = []
