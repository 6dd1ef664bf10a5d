from django.urls import path

from prisoners import views

app_name = "prisoners"

urlpatterns = [
    path("", views.detainee_list, name="list"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("<slug:slug>/", views.detainee_detail, name="detail"),
    path("<slug:slug>/report/", views.report_correction, name="report"),
    path("<slug:slug>/share.png", views.share_image, name="share_image"),
    path("<slug:slug>/poster.pdf", views.poster, name="poster"),
]
