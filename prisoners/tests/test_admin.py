"""The editors' admin: filters, history with every translation and revert, "mark released"."""

from django.utils import timezone

from conftest import make_detainee, run_confirmed_action
from prisoners.models import Detainee, Status, TimelineEvent

CHANGELIST = "/en/admin/prisoners/detainee/"


def test_mark_released_sets_status_date_and_a_timeline_event(staff_client, db):
    held = make_detainee()
    other = make_detainee(slug="someone-else", name_en="Someone Else")
    question, _answer = run_confirmed_action(staff_client, CHANGELIST, "mark_released", [held])
    assert "Ani Karapetyan" in question.content.decode()
    response = staff_client.get(CHANGELIST)
    assert "1 person marked as released." in response.content.decode()
    held.refresh_from_db()
    assert held.status == Status.RELEASED
    assert held.released_on == timezone.localdate()
    event = held.timeline.get()
    assert event.kind == TimelineEvent.Kind.RELEASED
    assert event.date == timezone.localdate()
    other.refresh_from_db()
    assert other.status == Status.HELD and not other.timeline.exists()


def test_mark_released_twice_adds_no_second_event(staff_client, db):
    held = make_detainee()
    for _ in range(2):
        run_confirmed_action(staff_client, CHANGELIST, "mark_released", [held])
    assert held.timeline.filter(kind=TimelineEvent.Kind.RELEASED).count() == 1


def test_the_history_keeps_every_translation(db):
    columns = {field.name for field in Detainee.history.model._meta.fields}
    assert {"name_en", "name_fr", "name_hy", "biography_hy"} <= columns
    event_columns = {field.name for field in TimelineEvent.history.model._meta.fields}
    assert {"text_en", "text_fr", "text_hy"} <= event_columns


def test_a_change_can_be_reverted_from_the_history(staff_client, db):
    detainee = make_detainee()
    first = detainee.history.earliest()
    detainee.name_hy = "Սխալ անուն"
    detainee.save()
    url = f"{CHANGELIST}{detainee.pk}/history/{first.history_id}/"
    page = staff_client.get(url)
    assert page.status_code == 200
    assert "Անի Կարապետյան" in page.content.decode()
    from prisoners.tests.test_photos import admin_form_data

    data = admin_form_data(staff_client, url)
    data.update(
        {
            "name_hy": "Անի Կարապետյան",
            "captured_on": "2023-09-28",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    detainee.refresh_from_db()
    assert detainee.name_hy == "Անի Կարապետյան"
    assert detainee.history.count() == 3


def test_the_list_filters_by_category_status_and_visibility(staff_client, db):
    make_detainee()
    make_detainee(slug="pow-one", name_en="Pow One", category="POW", status="RELEASED")
    html = staff_client.get(CHANGELIST).content.decode()
    for parameter in ["category__exact", "status__exact", "visibility__exact"]:
        assert parameter in html
    filtered = staff_client.get(CHANGELIST, {"category__exact": "POW"}).content.decode()
    assert "Pow One" in filtered and "Ani Karapetyan" not in filtered
    found = staff_client.get(CHANGELIST, {"q": "Կարապետյան"}).content.decode()
    assert "Ani Karapetyan" in found


def test_the_change_form_has_one_language_switcher_and_inlines(staff_client, db):
    detainee = make_detainee()
    html = staff_client.get(f"{CHANGELIST}{detainee.pk}/change/").content.decode()
    inlines = ["timeline-TOTAL_FORMS", "detaineesource_set-TOTAL_FORMS"]
    for expected in ['name="name_en"', 'name="name_hy"', *inlines, 'id="translation-switcher"']:
        assert expected in html
    assert "code.jquery.com" not in html


def test_other_translated_forms_keep_their_tabs_from_our_own_origin(staff_client, db):
    html = staff_client.get("/en/admin/prisoners/campaignfigure/add/").content.decode()
    assert "jquery-ui.min.js" in html and "code.jquery.com" not in html
