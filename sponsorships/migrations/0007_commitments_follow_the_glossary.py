"""The commitments made by 0002 in the words of docs/GLOSSARY.md: "détenus" and
"կալանավոր" for the people held, no case ending glued to "Libertas", the typographic
apostrophe in French.

Each change replaces one exact phrase, so a commitment staff have rewritten since is left
alone wherever the phrase is gone."""

import re

from django.db import migrations

PHRASES = {
    "logo-on-website": {
        "description_hy": [("որպեսզի Libertas-ը ցույց տա", "որպեսզի Libertas կոլեկտիվը ցույց տա")],
    },
    "public-events": {
        "title_hy": [("նրանց ազատման համար", "նրանց ազատ արձակման համար")],
        "description_hy": [("Ազատման պահանջով", "Ազատ արձակման պահանջով")],
    },
    "lobbying": {
        "description_hy": [("տրամադրում է Libertas-ը։", "տրամադրում է Libertas կոլեկտիվը։")],
    },
    "take-part-in-events": {
        "description_fr": [("libération des prisonniers et", "libération des détenus et")],
        "description_hy": [("Բանտարկյալների ազատման", "Կալանավորների ազատ արձակման")],
    },
}
FRENCH_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
# A non-breaking space before : ; ? ! » and after «, so that a colon never starts a line.
FRENCH_SPACE_BEFORE = re.compile(r" ([:;?!»])")


def follow_the_glossary(apps, schema_editor):
    Commitment = apps.get_model("sponsorships", "Commitment")
    for commitment in Commitment.objects.all():
        changed = []
        for name in ("title_fr", "title_hy", "description_fr", "description_hy"):
            before = getattr(commitment, name) or ""
            text = before
            for old, new in PHRASES.get(commitment.code, {}).get(name, []):
                text = text.replace(old, new)
            if name.endswith("_fr"):
                text = FRENCH_APOSTROPHE.sub("’", text)
                text = FRENCH_SPACE_BEFORE.sub("\u00a0\\1", text).replace("« ", "«\u00a0")
            if text != before:
                setattr(commitment, name, text)
                changed.append(name)
        if changed:
            commitment.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("sponsorships", "0006_privacy_role")]

    # Going back leaves the wording: the old one broke the glossary.
    operations = [migrations.RunPython(follow_the_glossary, migrations.RunPython.noop)]
