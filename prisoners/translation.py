import simple_history
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
        "public_sort_name",
    )


@register(TimelineEvent)
class TimelineEventTranslationOptions(TranslationOptions):
    fields = ("text", "outcome")


@register(CampaignFigure)
class CampaignFigureTranslationOptions(TranslationOptions):
    fields = ("label",)


# History is registered here, after modeltranslation has added name_en, name_fr, name_hy and
# the rest: a HistoricalRecords() in models.py would copy the fields before they exist, and
# the history (and its revert) would lose every translation.
# The public copies' token is not part of the record: a revert must never bring an old one back.
simple_history.register(
    Detainee, app="prisoners", excluded_fields=["photo_token", "photo_published_from"]
)
simple_history.register(TimelineEvent, app="prisoners")
