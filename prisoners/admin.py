from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from prisoners.models import CampaignFigure, Detainee, Source, TimelineEvent


class TimelineEventInline(TranslationStackedInline):
    model = TimelineEvent
    extra = 0


@admin.register(Detainee)
class DetaineeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "category", "status", "visibility", "captured_on"]
    list_filter = ["category", "status", "visibility"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [TimelineEventInline]
    filter_horizontal = ["sources"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "reliability"]
    list_filter = ["reliability"]
    search_fields = ["title", "publisher", "url"]


@admin.register(CampaignFigure)
class CampaignFigureAdmin(TabbedTranslationAdmin):
    list_display = ["label", "low", "high", "as_of", "order"]
