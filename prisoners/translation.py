from modeltranslation.translator import TranslationOptions, register

from prisoners.models import CampaignFigure, Detainee, TimelineEvent


@register(Detainee)
class DetaineeTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "hometown",
        "capture_place",
        "capture_circumstances",
        "last_seen_place",
        "charges",
        "sentence",
        "place_of_detention",
        "biography",
        "photo_alt",
    )


@register(TimelineEvent)
class TimelineEventTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(CampaignFigure)
class CampaignFigureTranslationOptions(TranslationOptions):
    fields = ("label",)
