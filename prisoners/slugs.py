"""Addresses of records that must not name the person (LIMITED and HIDDEN ones).

Kept apart from models.py so the migration that re-addresses existing records can use it.
"""

import unicodedata

from django.utils.crypto import get_random_string

from prisoners.search import normalise

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
