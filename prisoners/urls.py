from django.urls import path  # noqa: F401

from prisoners import views  # noqa: F401

app_name = "prisoners"

urlpatterns = []
