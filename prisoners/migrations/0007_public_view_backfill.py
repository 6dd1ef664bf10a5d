"""Fill the public sort key, the searched text and the public date of existing records, and
give limited and hidden records whose address spells the name a random one."""

import re
import unicodedata

from django.db import migrations
from django.utils.crypto import get_random_string

# prisoners.search.normalise() and prisoners.slugs as they were, frozen here: a migration is
# history and must not change when the application code does.

ARMENIAN = {
    "ա": "a",
    "բ": "b",
    "գ": "g",
    "դ": "d",
    "ե": "e",
    "զ": "z",
    "է": "e",
    "ը": "y",
    "թ": "t",
    "ժ": "zh",
    "ի": "i",
    "լ": "l",
    "խ": "kh",
    "ծ": "ts",
    "կ": "k",
    "հ": "h",
    "ձ": "dz",
    "ղ": "gh",
    "ճ": "ch",
    "մ": "m",
    "յ": "y",
    "ն": "n",
    "շ": "sh",
    "ո": "o",
    "չ": "ch",
    "պ": "p",
    "ջ": "j",
    "ռ": "r",
    "ս": "s",
    "վ": "v",
    "տ": "t",
    "ր": "r",
    "ց": "ts",
    "փ": "p",
    "ք": "k",
    "և": "ev",
    "ւ": "v",  # NFKC splits the ligature և into ե + ւ
    "օ": "o",
    "ֆ": "f",
}

# Spellings of one Armenian sound in English, French and Russian-influenced transliterations,
# folded to one form. Applied in order, to the stored text and to the query alike.
VARIANTS = [
    ("tch", "ch"),  # French Mkrtchian / English Mkrtchyan
    ("tsch", "ch"),
    ("dj", "j"),  # French Djivan / Jivan
    ("kh", "gh"),  # ղ is written gh or kh
    ("gue", "ge"),  # French Guevorg / Gevorg
    ("gui", "gi"),
    ("ou", "u"),  # French Hakoupian / Hakupyan
    ("ss", "s"),  # French Petrossian / Petrosyan
    ("ian", "yan"),  # -ian / -yan / -ean
    ("ean", "yan"),
    ("iy", "y"),
    ("w", "v"),
]


def _armenian_to_latin(text):
    out = []
    previous_is_letter = False
    i = 0
    while i < len(text):
        char = text[i]
        if char == "ո" and i + 1 < len(text) and text[i + 1] == "ւ":
            out.append("u")
            i += 2
            previous_is_letter = True
            continue
        if char == "ե" and not previous_is_letter:
            out.append("ye")  # word-initial ե sounds "ye" (Yerevan)
        elif char == "ո" and not previous_is_letter:
            out.append("vo")  # word-initial ո sounds "vo" (Vostan)
        else:
            out.append(ARMENIAN.get(char, char))
        previous_is_letter = char.isalpha()
        i += 1
    return "".join(out)


def normalise(text):
    """Lower case, no accents, Latin script, one spelling per sound, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _armenian_to_latin(text)
    # Drop accents: decompose, then remove the combining marks.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for variant, canonical in VARIANTS:
        text = text.replace(variant, canonical)
    return text


# No 0/o or 1/l: an address may be read out or copied by hand.
ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def _plain(text):
    """Lower case without accents, but without the spelling folds of normalise()."""
    text = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c) or c == " ")


def reveals_name(slug, names):
    """Whether `slug` spells any part of any of `names`, in any script or spelling.

    Both sides are compared folded (lower case, no accents, Armenian transliterated, one
    spelling per sound) and without separators, so "vahagnlimitoyan", "limitoian-v" and
    "v-limitoyan" all reveal "Vahagn Limitoyan". Short parts (two letters) count only
    joined to the others, or any address with "an" in it would be refused.
    """
    compact = {normalise(slug).replace(" ", ""), _plain(slug).replace("-", "").replace(" ", "")}
    for name in names:
        for parts in (normalise(name).split(), _plain(name).split()):
            candidates = [p for p in parts if len(p) > 2] + ["".join(parts)] if parts else []
            if any(c in s for c in candidates for s in compact):
                return True
    return False


def random_slug(taken, names=()):
    """A short random address such as "d-7k3q9m", not in `taken(slug)` and naming nobody."""
    while True:
        slug = "d-" + get_random_string(6, ALPHABET)
        if not taken(slug) and not reveals_name(slug, names):
            return slug


LANGUAGES = ("en", "fr", "hy")


def initials(name):
    return " ".join(f"{part[0]}." for part in (name or "").split())


def backfill(apps, schema_editor):
    Detainee = apps.get_model("prisoners", "Detainee")
    for record in Detainee.objects.all():
        names = [getattr(record, f"name_{code}") or "" for code in LANGUAGES]
        limited = record.visibility == "LIMITED"
        for code in LANGUAGES:
            # The name as each language shows it, with modeltranslation's fallback to English.
            name = getattr(record, f"name_{code}") or record.name_en or record.name_fr or ""
            shown = initials(name) if limited else name
            setattr(record, f"public_sort_name_{code}", shown.casefold()[:200])
        record.public_sort_name = record.public_sort_name_en
        shown_names = [initials(n) if limited else n for n in names if n]
        record.search_text = (
            ""
            if record.visibility == "HIDDEN"
            else " | ".join(dict.fromkeys(normalise(n) for n in shown_names))
        )
        record.public_updated_at = record.updated_at
        if record.visibility != "PUBLIC" and reveals_name(record.slug, names):
            others = Detainee.objects.exclude(pk=record.pk)
            record.slug = random_slug(lambda s: others.filter(slug=s).exists(), names)
        # update(), not save(): updated_at keeps its meaning.
        Detainee.objects.filter(pk=record.pk).update(
            slug=record.slug,
            search_text=record.search_text,
            public_sort_name=record.public_sort_name,
            public_updated_at=record.public_updated_at,
            **{f"public_sort_name_{c}": getattr(record, f"public_sort_name_{c}") for c in LANGUAGES},
        )


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0006_public_view_fields")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
