from modeltranslation.translator import TranslationOptions, register

from sponsorships.models import Commitment, Sponsorship


@register(Commitment)
class CommitmentTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Sponsorship)
class SponsorshipTranslationOptions(TranslationOptions):
    fields = ("public_note",)
