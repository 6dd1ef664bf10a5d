"""Fold a name to one Latin spelling, so a search finds it in any script or transliteration.

"Saghatelyan", "Saghatélian", "Sakhatelyan" and "Սաղաթելյան" all fold to "saghatelyan".
The same function folds the stored text and the query, so a plain `contains` on the folded
text works alike on SQLite and PostgreSQL.

The Armenian table is ours (Eastern Armenian, close to the BGN/PCGN romanisation the press
uses): the general transliteration libraries are either GPL-licensed or spell Armenian
differently from the names' usual Latin forms.
"""

import re
import unicodedata

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


def normalise(text):
    """Lower case, no accents, Latin script, one spelling per sound, single spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = armenian_to_latin(text)
    # Drop accents: decompose, then remove the combining marks.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for variant, canonical in VARIANTS:
        text = text.replace(variant, canonical)
    return text
