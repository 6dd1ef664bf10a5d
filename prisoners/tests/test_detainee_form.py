"""The detainee form a volunteer can use: sections by task, those of the category only, one
language switcher, help where a field could be misread."""

import re

from conftest import make_detainee
from prisoners.models import Category, Detainee
from prisoners.tests.test_photos import admin_form_data

ADD_URL = "/en/admin/prisoners/detainee/add/"


def change_url(detainee, language="en"):
    return f"/{language}/admin/prisoners/detainee/{detainee.pk}/change/"


def fieldset_classes(html, heading):
    """The classes of the section whose heading is `heading`."""
    for classes, body in re.findall(r'<fieldset class="([^"]*)"(.*?)</fieldset>', html, re.S):
        if f">{heading}</h2>" in body:
            return classes.split()
    raise AssertionError(f"no section {heading!r}")


def test_the_form_is_in_sections_by_task(staff_client, db):
    html = staff_client.get(change_url(make_detainee())).content.decode()
    headings = re.findall(r'class="fieldset-heading">([^<]+)</h2>', html)
    assert headings[:9] == [
        "Identity",
        "Status and detention",
        "Capture",
        "Disappearance",
        "Charges and sentence",
        "ICRC and European Court of Human Rights",
        "Biography and photo",
        "Publishing",
        "Private: never published",
    ]


def test_rarely_used_sections_are_collapsed(staff_client, db):
    html = staff_client.get(change_url(make_detainee())).content.decode()
    assert "collapse" in fieldset_classes(html, "ICRC and European Court of Human Rights")
    assert "collapse" in fieldset_classes(html, "Private: never published")
    assert "collapse" not in fieldset_classes(html, "Identity")


def test_a_prisoner_of_war_has_no_disappearance_section(staff_client, db):
    pow_ = make_detainee(category=Category.POW)
    html = staff_client.get(change_url(pow_)).content.decode()
    assert "hidden" in fieldset_classes(html, "Disappearance")
    assert "hidden" not in fieldset_classes(html, "Charges and sentence")


def test_a_disappeared_person_has_no_charges_and_sentence_section(staff_client, db):
    disappeared = make_detainee(category=Category.DISAPPEARED)
    html = staff_client.get(change_url(disappeared)).content.decode()
    assert "hidden" not in fieldset_classes(html, "Disappearance")
    assert "hidden" in fieldset_classes(html, "Charges and sentence")


def test_hidden_sections_say_which_categories_they_apply_to_for_the_script(staff_client, db):
    html = staff_client.get(change_url(make_detainee())).content.decode()
    assert "applies-DISAPPEARED" in fieldset_classes(html, "Disappearance")
    legal = fieldset_classes(html, "Charges and sentence")
    assert {"applies-POW", "applies-CIVILIAN", "applies-POLITICAL_LEADER"} <= set(legal)
    assert "js/admin_detainee_form.js" in html


def test_a_form_shown_again_with_errors_follows_the_category_typed(staff_client, db):
    data = admin_form_data(staff_client)
    data.update({"category": Category.DISAPPEARED, "captured_on": "not a date"})
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "hidden" not in fieldset_classes(html, "Disappearance")
    assert "hidden" in fieldset_classes(html, "Charges and sentence")


def test_a_hidden_section_keeps_its_values_and_requires_nothing(staff_client, db):
    """A prisoner found to be a disappeared person (or entered in the wrong category): the
    sentence typed before stays, and the form saves without the hidden fields."""
    detainee = make_detainee(category=Category.POW, sentence_en="15 years", charges_en="Terror")
    data = admin_form_data(staff_client, change_url(detainee))
    data.update(
        {
            "slug": detainee.slug,
            "category": Category.DISAPPEARED,
            "captured_on": "2023-09-28",
            "sentence_en": "15 years",
            "charges_en": "Terror",
        }
    )
    response = staff_client.post(change_url(detainee), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    detainee.refresh_from_db()
    assert detainee.category == Category.DISAPPEARED
    assert detainee.sentence_en == "15 years"
    assert detainee.charges_en == "Terror"


def test_a_disappeared_person_saves_with_only_the_fields_that_apply(staff_client, db):
    data = admin_form_data(staff_client)
    for name in list(data):
        if name.startswith(("charges", "sentence", "criminal_code")):
            del data[name]
    data.update({"category": Category.DISAPPEARED, "last_seen_on": "2020-11-02"})
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302
    assert Detainee.objects.get().category == Category.DISAPPEARED


def test_one_language_switcher_replaces_the_tab_strip_of_each_field(staff_client, db):
    html = staff_client.get(change_url(make_detainee())).content.decode()
    assert html.count('id="translation-switcher"') == 1
    for code in ("en", "fr", "hy"):
        assert f'data-language="{code}"' in html
    # modeltranslation's tabs (one strip per field) are gone; its markers stay for the script.
    assert "tabbed_translation_fields.js" not in html
    assert 'class="vTextField mt mt-field-name-hy' in html


def test_fields_a_volunteer_could_misread_say_what_they_mean(staff_client, db):
    html = staff_client.get(change_url(make_detainee())).content.decode()
    helps = {
        "slug": "The end of the profile",
        "visibility": "When in doubt, or without the family",
        "consent_given_by": "Who agreed to publication",
        "consent_scope": "Publish nothing beyond it",
        "captured_on": "Days in captivity are counted from this date",
        "last_seen_on": "The last day someone saw the person alive",
        "icrc_registered": "International Committee of the Red Cross",
        "echr_application_number": "12345/21",
        "biography_hy": "Markdown, as in news",
    }
    for field, words in helps.items():
        match = re.search(rf'id="id_{field}_helptext">\s*<div>([^<]*)', html)
        assert match, field
        assert words in match.group(1), field
    assert "list the sources (court records, the ICRC" in html


def test_every_help_text_is_marked_for_translation():
    from django.utils.functional import Promise

    from prisoners.forms import DETAINEE_HELP_TEXTS

    # Lazy: each request reads it in the staff member's language once translated.
    assert all(isinstance(text, Promise) for text in DETAINEE_HELP_TEXTS.values())


def test_a_hidden_section_with_an_error_is_shown_so_it_can_be_fixed(staff_client, db):
    data = admin_form_data(staff_client)
    data.update({"category": Category.POW, "last_seen_on": "not a date"})
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "hidden" not in fieldset_classes(html, "Disappearance")
    assert "hidden" not in fieldset_classes(html, "Charges and sentence")
