from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from campaign.models import Organisation, Page


@admin.register(Page)
class PageAdmin(TabbedTranslationAdmin):
    list_display = ["title", "slug", "updated_at"]


@admin.register(Organisation)
class OrganisationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "contact_name", "email", "order"]
    list_editable = ["order"]
