from modeltranslation.translator import TranslationOptions, register

from sponsorships.models import Commitment, Sponsor, Sponsorship


@register(Commitment)
class CommitmentTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Sponsorship)
class SponsorshipTranslationOptions(TranslationOptions):
    fields = ("public_note",)


# The place is a name that changes with the language (Geneva, Genève, Ժնև). The sponsor's own
# name is theirs, written as they sign up, and stays one field.
@register(Sponsor)
class SponsorTranslationOptions(TranslationOptions):
    fields = ("city",)
