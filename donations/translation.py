from modeltranslation.translator import TranslationOptions, register

from donations.models import GivingDetails


@register(GivingDetails)
class GivingDetailsTranslationOptions(TranslationOptions):
    fields = ("transfer_reference", "tax_note")
