from modeltranslation.translator import TranslationOptions, register

from campaign.models import DecisionMaker, Event, NewsItem, Organisation, Page, Petition


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "place", "city", "sponsors")


@register(Petition)
class PetitionTranslationOptions(TranslationOptions):
    fields = ("title", "text", "addressees")


@register(DecisionMaker)
class DecisionMakerTranslationOptions(TranslationOptions):
    fields = ("name", "title")
