"""No French entry puts "de", "le", "que" (or "du", "la") right before a person's or an
organisation's name: "la fiche de %(name)s" reads "la fiche de Arman" where French writes
"d’Arman", and the sentence cannot know which. Every such entry is phrased so the name stands
alone ("la fiche consacrée à %(name)s", "Parrainage : %(name)s").

A placeholder holding a number, a date or a size ("de %(days)s jours", "le %(date)s") is
not a name and may follow them.
"""

import re

import polib
import pytest

from libertas.tests.test_glossary import our_catalogues, translations

# The placeholders that hold a name: a person, a sponsor, an organisation, a detainee.
NAMES = r"name|detainee|sponsor|center|person|organisation|contact|sender_name|detainee_name"
BEFORE_A_NAME = re.compile(
    rf"\b(?:de|le|la|que|du)\s+(?:%\((?:{NAMES})\)s|\{{\{{?\s*(?:{NAMES})\s*\}}?\}})",
    re.IGNORECASE,
)


def elided_wrongly(text):
    return BEFORE_A_NAME.findall(text)


@pytest.mark.parametrize(
    "text",
    [
        "la fiche de %(name)s",
        "Parrainage de %(detainee)s",
        "reçu par le %(center)s",
        "Merci de {{ name }}",
        "Je sais que %(sponsor)s",
    ],
)
def test_the_check_sees_a_word_that_should_elide_before_a_name(text):
    assert elided_wrongly(text)


@pytest.mark.parametrize(
    "text",
    [
        "la fiche consacrée à %(name)s",
        "Parrainage\u00a0: %(detainee)s",
        "dans un délai de %(days)s jours",
        "a pris fin le %(date)s",
        "d’Arman",
    ],
)
def test_the_check_lets_a_name_standing_alone_through(text):
    assert not elided_wrongly(text)


def test_no_french_entry_puts_de_le_or_que_before_a_name():
    found = [
        f"{path}: {entry.msgid[:60]!r}: {text!r}"
        for path in our_catalogues("fr")
        for entry in polib.pofile(str(path))
        for text in translations(entry)
        if elided_wrongly(text)
    ]
    assert found == [], "\n".join(found)
