from modeltranslation.translator import TranslationOptions, register

from sponsorships.models import Commitment, Sponsor, Sponsorship


@register(Commitment)
class CommitmentTranslationOptions(TranslationOptions):
    fields = ("title", "description")


# The place of signing is a place's name too ("Valbrune town hall", "Mairie de Valbrune").
@register(Sponsorship)
class SponsorshipTranslationOptions(TranslationOptions):
    fields = ("public_note", "signing_place")


# A city or an organisation is often named differently in each language (Geneva, Genève,
# Ժնև; Ville de Valbrune, Town of Valbrune): the name and the city are translated. Sign-up
# fills the visitor's language; the others fall back to it, marked with its language.
@register(Sponsor)
class SponsorTranslationOptions(TranslationOptions):
    fields = ("name", "city")
