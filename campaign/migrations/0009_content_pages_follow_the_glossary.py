"""The content pages made by 0007 in the words of docs/GLOSSARY.md: "détenu" and "կալանավոր"
for the people held, "disparus de force", "Libertas" never transliterated, the typographic
apostrophe in French and the capitalised polite form in Armenian.

Each change replaces one exact phrase, so a page staff have rewritten since is left alone
wherever the phrase is gone; the text is not matched as a whole."""

import re

from django.db import migrations

PHRASES = {
    "about": {
        "body_fr": [
            ("promettait l'échange de tous les\nprisonniers.", "promettait l'échange de tous les\nprisonniers de guerre et autres détenus."),
            ("**Les disparus forcés**", "**Les disparus de force**"),
        ],
        "body_hy": [
            ("բոլոր\nգերիների փոխանակում։", "բոլոր\nռազմագերիների և այլ կալանավորների փոխանակում։"),
            ("Լիբերտասը հիմնադրվել է", "Libertas կոլեկտիվը հիմնադրվել է"),
        ],
    },
    "sponsorship": {
        "summary_fr": [("parraine un prisonnier ou", "parraine une personne détenue ou")],
        "summary_hy": [("հովանավորում է մեկ բանտարկյալի կամ", "հովանավորում է կալանավորներից մեկին կամ")],
        "body_fr": [
            ("maltraiter un prisonnier que le monde regarde", "maltraiter un détenu que le monde regarde"),
            ("avec le portrait du\nprisonnier à votre siège", "avec le portrait de la\npersonne détenue à votre siège"),
            ("et parler\ndu prisonnier aux médias", "et parler\nde la personne détenue aux médias"),
            ("Rencontrer la famille du prisonnier,", "Rencontrer la famille de la personne détenue,"),
            ("libération des prisonniers et des disparus,", "libération des détenus et des disparus de force,"),
        ],
        "body_hy": [
            ("Բանտարկյալին, որին աշխարհը հետևում է,", "Կալանավորին, որին աշխարհը հետևում է,"),
            ("պաստառ բանտարկյալի\nդիմանկարով", "պաստառ կալանավորի\nդիմանկարով"),
            ("խոսել\nբանտարկյալի մասին", "խոսել\nկալանավորի մասին"),
            ("Հանդիպել բանտարկյալի ընտանիքին", "Հանդիպել կալանավորի ընտանիքին"),
            ("մասնակցել բանտարկյալների և\nանհետացածների ազատման", "մասնակցել կալանավորների և\nբռնի անհետացածների ազատ արձակման"),
        ],
    },
    "privacy": {
        "body_hy": [("Stripe-ի էջում, որին", "Stripe ծառայության էջում, որին")],
    },
    "contact": {
        "summary_hy": [("Լիբերտաս կոլեկտիվի հետ", "Libertas կոլեկտիվի հետ")],
    },
}

# Applied to every French and Armenian text of these pages after the phrases above.
FRENCH_APOSTROPHE = (re.compile(r"(?<=\w)'(?=\w)"), "’")
# A non-breaking space before : ; ? ! » and after «, so that a colon never starts a line.
FRENCH_SPACING = [(re.compile(r" ([:;?!»])"), "\u00a0\\1"), (re.compile(r"« "), "«\u00a0")]
ARMENIAN_POLITE = [
    (re.compile(r"(?<!\w)ձեր(?!\w)"), "Ձեր"),
    (re.compile(r"(?<!\w)ձեզ(?!\w)"), "Ձեզ"),
    (re.compile(r"(?<!\w)դուք(?!\w)"), "Դուք"),
]


def follow_the_glossary(apps, schema_editor):
    Page = apps.get_model("campaign", "Page")
    for page in Page.objects.filter(slug__in=["about", "sponsorship", "privacy", "contact"]):
        changed = []
        for field in ("title", "summary", "body"):
            for lang in ("fr", "hy"):
                name = f"{field}_{lang}"
                text = getattr(page, name) or ""
                for old, new in PHRASES.get(page.slug, {}).get(name, []):
                    text = text.replace(old, new)
                rules = [FRENCH_APOSTROPHE, *FRENCH_SPACING] if lang == "fr" else ARMENIAN_POLITE
                for pattern, replacement in rules:
                    text = pattern.sub(replacement, text)
                if text != (getattr(page, name) or ""):
                    setattr(page, name, text)
                    changed.append(name)
        if changed:
            page.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("campaign", "0008_remove_organisation_collects_donations")]

    # Going back leaves the wording: the old one broke the glossary.
    operations = [migrations.RunPython(follow_the_glossary, migrations.RunPython.noop)]
