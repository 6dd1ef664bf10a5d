"""No Armenian case ending is glued to a name or a placeholder with a hyphen.

"Հետևել Գևորգ Մկրտչյան-ին" reads as careless to an Armenian reader: every sentence is
phrased so that the name stands alone ("Հետևել՝ Գևորգ Մկրտչյան").
"""

import re

import polib
import pytest
from django.utils import translation

from conftest import make_detainee
from libertas.tests.test_glossary import our_catalogues, production_content, translations

ENDINGS = "ին|ի|ից|ով|ում|ը|ն"
# A placeholder (%(name)s, {name}), a letter or a closing quote, then "-" and an ending. A
# number takes its ending with a hyphen in Armenian ("նոյեմբերի 9-ի"): that is the rule.
GLUED = re.compile(
    rf"(?:%\(\w+\)[sd]|\{{\w*\}}|[\u0531-\u0587A-Za-z»”\")])-(?:{ENDINGS})(?![\u0531-\u0587])"
)


@pytest.mark.parametrize(
    "text",
    ["Հետևել %(name)s-ին", "Հետևել Գևորգ Մկրտչյան-ին", "«%(query)s»-ին", "{sender_name}-ը"],
)
def test_the_check_catches_a_glued_ending(text):
    assert GLUED.search(text)


def test_the_check_lets_a_name_that_stands_alone_through():
    assert not GLUED.search("Հետևել՝ %(name)s")
    assert not GLUED.search("Ինչ-որ մեկը")  # a hyphen inside a word is no case ending


def test_no_armenian_entry_glues_a_case_ending_to_a_name():
    found = [
        f"{path}: {entry.msgid[:50]!r}: {text}"
        for path in our_catalogues("hy")
        for entry in polib.pofile(str(path))
        for text in translations(entry)
        if GLUED.search(text)
    ]
    assert found == []


def test_the_armenian_content_production_needs_glues_no_ending(db):
    found = [where for where, text in production_content("hy") if GLUED.search(text)]
    assert found == []


def test_an_armenian_profile_keeps_the_surname_whole(client, db):
    detainee = make_detainee(name_hy="Գևորգ Մկրտչյան", name_en="Gevorg Mkrtchyan")
    with translation.override("hy"):
        url = detainee.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Գևորգ Մկրտչյան" in html
    assert "Մկրտչյան-" not in html
    follow = client.get(f"/hy/follow/{detainee.slug}/").content.decode()
    assert "Գևորգ Մկրտչյան" in follow and "Մկրտչյան-" not in follow
