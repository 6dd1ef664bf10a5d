"""Recompute every record's search text as the sound keys of prisoners.search.

The search text is derived data, in the form the search compares. Like 0007, this migration
carries a frozen copy of prisoners.search as it was when it was written (a migration runs the
code of its time, whatever the app becomes); a later change of the keys adds a migration like
this one, with its own copy.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import migrations

# Frozen copy of prisoners/search.py (commit of this migration).
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

# Russian (and the few Ukrainian) letters, as the Russian-language press spells Armenian names.
CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ye",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}

# Spellings of one Armenian sound in English, French and Russian-influenced transliterations,
# folded to one form. Applied in order, to the stored text and to the query alike.
VARIANTS = [
    ("tch", "ch"),  # French Mkrtchian / English Mkrtchyan
    ("tsch", "ch"),  # German Mkrttschjan
    ("sch", "sh"),  # German Schahumjan / Shahumyan
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


def armenian_to_latin(text):
    """Lower-case Armenian letters in Latin ones (Yerevan, Vostan, Hakupyan); others kept."""
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


def cyrillic_to_latin(text):
    """Russian letters in Latin ones; a word-initial е sounds "ye" (Ереван: Yerevan)."""
    out = []
    for i, char in enumerate(text):
        if char == "е" and (i == 0 or not text[i - 1].isalpha()):
            out.append("ye")
        else:
            out.append(CYRILLIC.get(char, char))
    return "".join(out)


def normalise(text):
    """Lower case, no accents, Latin script, one spelling per sound, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = cyrillic_to_latin(armenian_to_latin(text))
    # Drop accents: decompose, then remove the combining marks.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for variant, canonical in VARIANTS:
        text = text.replace(variant, canonical)
    return text


# From a normalised word to its key, in order. Letters freed by normalise() (c, q, x) stand
# for the sounds written with two letters, so that a lone h can be dropped without breaking
# them; the key is never shown.
KEY_RULES = [
    (r"jan$", "yan"),  # German -jan: Petrosjan
    (r"^ye", "e"),  # Yerevan / French Erevan
    (r"x", "ks"),  # Alexanyan / Aleksanyan
    (r"sh", "x"),
    (r"zh", "j"),  # ժ: French writes j (Jirayr / Zhirayr)
    (r"ch", "c"),
    (r"ts|tz", "q"),
    (r"gh", "g"),  # ղ: Ghazaryan / Russian Газарян
    (r"h", ""),  # a written or dropped h: Hakobyan / Akopyan, Hovhannisyan / Ovanesyan
    (r"b", "p"),  # Western Armenian and Russian swap voiced and voiceless: Hagop / Hakob
    (r"d", "t"),
    (r"g", "k"),
    (r"^o[vk](?=[aeiou])", "o"),  # the root Hovhannes: Ovanes / Oganes / Ohannes
    (r"e", "i"),  # Hovhannisyan / Ovanesyan
    (r"(.)\1+", r"\1"),  # Petrossian / Petrosian
]
# A typo is forgiven in query words whose key has at least this many letters: in shorter
# ones, one letter off matches too many names to help.
TYPO_MIN_LENGTH = 5


def key(word):
    """The sound key of one normalised word (see the module's docstring)."""
    for pattern, replacement in KEY_RULES:
        word = re.sub(pattern, replacement, word)
    return word


def keys(text):
    """The keys of every word of a text, in order, each once."""
    return list(dict.fromkeys(k for word in normalise(text).split() if (k := key(word))))


def search_text(names):
    """What Detainee.search_text stores for these names: their keys, each after a space.

    The leading space lets a LIKE pattern "% key%" find a key only where a word starts.
    """
    found = dict.fromkeys(k for name in names for k in keys(name))
    return "".join(f" {k}" for k in found)


@dataclass(frozen=True)
class Word:
    typed: str  # as the visitor typed it
    key: str  # "" when it is written in a script we cannot read


def query_words(query):
    """The words of a query that contain a letter; digits and punctuation alone are not a name."""
    words = []
    for typed in re.findall(r"\w+", unicodedata.normalize("NFKC", query or "")):
        if not any(c.isalpha() for c in typed):
            continue
        found = [key(part) for part in normalise(typed).split()]
        words += [Word(typed, k) for k in found if k] or [Word(typed, "")]
    return words


def has_letters(query):
    return bool(query_words(query))


def typo_patterns(word_key):
    """LIKE patterns (without the "% " before) matching a key one typo away: a letter
    wrong, missing, extra, or two letters swapped."""
    if len(word_key) < TYPO_MIN_LENGTH:
        return [word_key]
    k, n = word_key, len(word_key)
    patterns = [k]
    patterns += [k[:i] + "_" + k[i + 1 :] for i in range(n)]  # a wrong letter
    patterns += [k[:i] + k[i + 1 :] for i in range(n)]  # an extra letter
    patterns += [k[:i] + "_" + k[i:] for i in range(1, n)]  # a missing letter
    patterns += [k[:i] + k[i + 1] + k[i] + k[i + 2 :] for i in range(n - 1)]  # swapped
    return list(dict.fromkeys(patterns))


def like(pattern):
    """The LIKE pattern that finds `pattern` at the start of a stored key."""
    return f"% {pattern}%"


def pattern_at(pattern, text):
    """Where `pattern` matches in a search text as LIKE "% pattern%" would, or -1.

    The same test as the database's, so the page can say which name a result matched.
    """
    for start in range(len(text)):
        if text[start] != " " or start + 1 + len(pattern) > len(text):
            continue
        piece = text[start + 1 : start + 1 + len(pattern)]
        if all(p == "_" or p == c for p, c in zip(pattern, piece, strict=True)):
            return start
    return -1


def plain(text):
    """Lower case without accents, in its own script: what counts as the same spelling."""
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def explain(query, names):
    """(typed word, name word) for each query word whose spelling differs from the name's.

    `names` are the names the result is shown under, the shown one first. "Акопян" found
    "Hakobyan" gives [("Акопян", "Hakobyan")]; "Petros" found "Petrosyan" gives nothing.
    """
    notes = []
    for word in query_words(query):
        match = _matching_word([word.key], names) or _matching_word(typo_patterns(word.key), names)
        if match and not plain(match).startswith(plain(word.typed)):
            notes.append((word.typed, match))
    return list(dict.fromkeys(notes))


def _matching_word(patterns, names):
    for name in names:
        for name_word in re.findall(r"[\w'’-]+", name or ""):
            text = search_text([name_word])
            if any(pattern_at(p, text) == 0 for p in patterns):
                return name_word
    return None


LANGUAGES = ("en", "fr", "hy")


def initials(name):
    return " ".join(f"{part[0]}." for part in (name or "").split())


def recompute(apps, schema_editor):
    Detainee = apps.get_model("prisoners", "Detainee")
    records = Detainee.objects.exclude(visibility="HIDDEN").only(
        "visibility", *[f"name_{code}" for code in LANGUAGES]
    )
    for record in records.iterator(chunk_size=2000):
        names = [getattr(record, f"name_{code}") or "" for code in LANGUAGES]
        if record.visibility == "LIMITED":
            names = [initials(name) for name in names]
        # update(), not save(): the modification date and history keep their meaning.
        Detainee.objects.filter(pk=record.pk).update(search_text=search_text(names))
    Detainee.objects.filter(visibility="HIDDEN").exclude(search_text="").update(search_text="")


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0012_detainee_source_link_model")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
